"""The fast paths of PDF -> 1 bit give exactly what the plain definitions give.

rasterize_page thresholds and dithers the page in its own orientation and turns only the 1-bit result; the dither
mask looks for grey blocks before eroding. These tests check both against straightforward reference code.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from packstation.printing import zpl


def reference_mask(gray: np.ndarray, k: int = 9) -> np.ndarray:
    """Union of every k x k window that is all mid-grey (41..214), by brute force."""
    mid = (gray > 40) & (gray < 215)
    out = np.zeros_like(mid)
    h, w = mid.shape
    if h < k or w < k:
        return out
    full = sliding_window_view(mid, (k, k)).all(axis=(2, 3))
    for r, c in zip(*np.nonzero(full), strict=True):
        out[r : r + k, c : c + k] = True
    return out


def reference_one_bit(gray: np.ndarray) -> np.ndarray:
    """Threshold at 128, ordered dither (Bayer 8x8, phase from the image origin) where reference_mask says."""
    mask = reference_mask(gray)
    rows, cols = np.indices(gray.shape)
    levels = zpl._bayer_levels()[rows % 8, cols % 8]
    return np.where(mask, gray < levels, gray < 128)


def reference_label(gray: np.ndarray, geometry: zpl.LabelGeometry, rotation: int) -> np.ndarray:
    """Turn the grey page, place it on a white label (centred across, top-aligned), then go to 1 bit."""
    turned = np.rot90(gray, -(rotation // 90))
    canvas = np.full((geometry.length_dots, geometry.width_dots), 255, dtype=np.uint8)
    h, w = turned.shape
    x0 = max((geometry.width_dots - w) // 2, 0)
    src_x0 = max((w - geometry.width_dots) // 2, 0)
    copy_w, copy_h = min(w, geometry.width_dots), min(h, geometry.length_dots)
    canvas[:copy_h, x0 : x0 + copy_w] = turned[:copy_h, src_x0 : src_x0 + copy_w]
    return reference_one_bit(canvas)


def page_with_grey(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    gray = np.full((h, w), 255, dtype=np.uint8)
    gray[rng.random((h, w)) < 0.15] = 0  # text-like black specks
    gray[rng.random((h, w)) < 0.02] = 128  # stray grey pixels that must stay thresholded
    for _ in range(3):  # flat grey boxes of various sizes, some too thin to dither
        y, x = rng.integers(0, h), rng.integers(0, w)
        gray[y : y + rng.integers(3, 40), x : x + rng.integers(3, 40)] = rng.integers(45, 210)
    return gray


@pytest.mark.parametrize("seed", range(40))
def test_dither_mask_equals_the_brute_force_union_of_grey_windows(seed):
    rng = np.random.default_rng(seed)
    gray = page_with_grey(rng, int(rng.integers(5, 120)), int(rng.integers(5, 120)))
    assert np.array_equal(zpl.grey_dither_mask(gray), reference_mask(gray))
    assert np.array_equal(zpl.to_one_bit(gray), reference_one_bit(gray))


@pytest.mark.parametrize("seed", range(12))
def test_dither_mask_on_mostly_grey_pages_equals_the_brute_force(seed):
    # Grey on more than an eighth of the block grid takes the whole-page search, not the per-candidate one.
    rng = np.random.default_rng(seed)
    h, w = int(rng.integers(9, 120)), int(rng.integers(9, 120))
    gray = np.full((h, w), int(rng.integers(45, 210)), dtype=np.uint8)
    gray[rng.random((h, w)) < 0.05 * (seed % 4)] = 0  # specks that break some grey windows
    gray[rng.random((h, w)) < 0.5] = 255 if seed % 3 == 0 else gray[0, 0]  # half white on some pages
    assert np.array_equal(zpl.grey_dither_mask(gray), reference_mask(gray))
    assert np.array_equal(zpl.to_one_bit(gray), reference_one_bit(gray))


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize(("page_h", "page_w"), [(60, 40), (37, 53), (90, 30), (25, 75)])
def test_page_turned_as_bits_equals_page_turned_as_grey(rotation, page_h, page_w):
    # Odd sizes put the page off-centre and off the byte grid; 90 x 30 and 25 x 75 overhang the label (cropped).
    rng = np.random.default_rng(rotation + page_h)
    gray = page_with_grey(rng, page_h, page_w)
    geometry = zpl.LabelGeometry(width_dots=45, length_dots=70)
    bitmap, lost = zpl.to_label(gray, geometry, rotation)
    expected = reference_label(gray, geometry, rotation)
    assert bitmap.flags.c_contiguous and bitmap.dtype == bool
    assert np.array_equal(bitmap, expected)
    # Dots lost are the page's black dots that did not land on the label.
    assert lost == int(np.count_nonzero(gray < 128)) - _black_dots_placed(gray, geometry, rotation)


def _black_dots_placed(gray: np.ndarray, geometry: zpl.LabelGeometry, rotation: int) -> int:
    turned = np.rot90(gray, -(rotation // 90))
    w = turned.shape[1]
    src_x0 = max((w - geometry.width_dots) // 2, 0)
    kept = turned[: geometry.length_dots, src_x0 : src_x0 + geometry.width_dots]
    return int(np.count_nonzero(kept < 128))


def test_returned_bitmaps_do_not_share_the_thread_buffers():
    rng = np.random.default_rng(7)
    geometry = zpl.LabelGeometry(width_dots=45, length_dots=70)
    first, _ = zpl.to_label(page_with_grey(rng, 60, 40), geometry, 90)
    kept = first.copy()
    zpl.to_label(page_with_grey(rng, 60, 40), geometry, 90)  # reuses the scratch buffers
    assert np.array_equal(first, kept)
