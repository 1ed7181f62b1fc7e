"""Fitted weights of the two learned passes (:mod:`reader.core.align_segments`).

Each model is a tuple of logistic-regression weights, one per feature name, with the bias
last. ``benchmarks/fit_alignment.py`` fits them on one half of DEplain-web (odd or even
document ids) from what the chain leaves on that half and prints the lines to paste here.
A plain module of numbers, so :class:`reader.core.align_units.ChainSettings` can carry them
without importing the passes.
"""

from __future__ import annotations

# Fitted on odd ids (shipped).
SEGMENT_MODEL_ODD: tuple[float, ...] = (
    5.705, 9.01, -2.639, 1.423, -0.854, -2.164, -0.668, -1.848, -2.278, 1.807, 1.355, 1.591, 0.021, 0.337, -5.875,
)
EXTEND_MODEL_ODD: tuple[float, ...] = (4.811, 13.091, -1.64, -4.299, 1.078, 0.142, -0.786, -0.851, 3.046, 0.908, -0.622)
# Fitted on even ids (the reverse fold, reported only).
SEGMENT_MODEL_EVEN: tuple[float, ...] = (
    5.987, 7.494, -0.976, -1.414, -1.087, -5.593, -0.882, -1.454, -1.938, 1.386, 1.219, 1.734, 0.14, -0.565, -5.412,
)
EXTEND_MODEL_EVEN: tuple[float, ...] = (5.874, 15.568, 1.599, -6.424, 0.885, 2.005, -0.926, -0.704, -2.048, 2.033, -1.094)
# The review pass: fitted on odd ids (shipped) and on even ids (reported only).
REVIEW_MODEL_ODD: tuple[float, ...] = (
    0.322, -0.113, -1.348, -1.797, 2.715, -2.083, 2.377, 1.058, 0.697, 0.26, -0.612, 0.179, 1.665, -0.326,
)
REVIEW_MODEL_EVEN: tuple[float, ...] = (
    0.614, -0.495, -0.457, -1.724, 2.352, -2.338, 0.761, 0.892, 0.313, 0.766, 1.904, 0.225, 1.743, 0.443,
)
