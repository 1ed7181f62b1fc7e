"""Colour-vision deficiency simulation and CIELAB distance, written out for the palette tests.

Protan and deutan use Machado, Oliveira & Fernandes (2009) at severity 1.0, tritan the
same paper's tritanopia matrix; all act on linear RGB. Distances are CIE76 ΔE in CIELAB
(D65), which is enough to tell "looks the same" from "looks different" for flat fills.
"""

from __future__ import annotations

Matrix = tuple[tuple[float, float, float], ...]

MACHADO: dict[str, Matrix] = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def linear_rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return _linear(r), _linear(g), _linear(b)


def simulate(rgb: tuple[float, float, float], vision: str) -> tuple[float, float, float]:
    matrix = MACHADO[vision]
    out = tuple(sum(matrix[row][k] * rgb[k] for k in range(3)) for row in range(3))
    return tuple(min(1.0, max(0.0, c)) for c in out)  # type: ignore[return-value]


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(first: str, second: str, vision: str = "normal") -> float:
    """CIE76 ΔE between two ``#rrggbb`` colours as seen with ``vision``."""
    p = lab(simulate(linear_rgb(first), vision))
    q = lab(simulate(linear_rgb(second), vision))
    return sum((u - v) ** 2 for u, v in zip(p, q, strict=True)) ** 0.5
