//! The global allocator: mimalloc, asked for plain blocks when a plain block is aligned enough.
//!
//! `mimalloc::MiMalloc` passes every request through mimalloc's aligned entry points, which check
//! the alignment before they reach the allocation itself; a streamed article makes about 6,000
//! allocations, and that check was 1.5 % of its instructions. Every mimalloc block is aligned to a
//! machine word (block sizes are whole words, pages are aligned), so requests aligned to a word or
//! less take the plain entry points; larger alignments keep the aligned ones.

use std::alloc::{GlobalAlloc, Layout};

use libmimalloc_sys as mi;

/// Alignment every mimalloc block has: block sizes are multiples of the word size.
const WORD: usize = std::mem::size_of::<usize>();

/// mimalloc as the global allocator (see the module documentation).
pub struct Mimalloc;

// SAFETY: each method hands the request to mimalloc, which returns null on failure and blocks
// aligned to at least `WORD` from its plain entry points (used only for `align <= WORD`) and to the
// requested alignment from its aligned ones; `mi_free` takes blocks from any of them.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc accepts any size; the alignment is a power of two (a `Layout`'s is).
        unsafe {
            if layout.align() <= WORD {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract), so from mimalloc.
        unsafe { mi::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the new block keeps its alignment.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_block_has_the_alignment_asked_for() {
        // Sizes across mimalloc's small, medium and large bins, with every alignment up to a page.
        let sizes = [1, 7, 8, 12, 24, 40, 100, 1000, 5000, 70_000, 1 << 20];
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: the layouts have a non-zero size; each block is freed with its layout.
                unsafe {
                    let a = Mimalloc.alloc(layout);
                    let z = Mimalloc.alloc_zeroed(layout);
                    assert!(!a.is_null() && !z.is_null());
                    assert_eq!(a as usize % align, 0, "alloc({size}, {align})");
                    assert_eq!(z as usize % align, 0, "alloc_zeroed({size}, {align})");
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    let r = Mimalloc.realloc(a, layout, size * 3);
                    assert_eq!(r as usize % align, 0, "realloc({size}, {align})");
                    Mimalloc.dealloc(r, Layout::from_size_align(size * 3, align).unwrap());
                    Mimalloc.dealloc(z, layout);
                }
            }
        }
    }
}
