"""Draw the program icon: resources/icons/commune-desk.png (256 px) and a multi-size .ico.

A report sheet with rising bars and a gold star on a deep blue rounded square. Drawn at four
times the size and scaled down, so the edges stay smooth; the small sizes are resampled from
the same drawing. Run it again after changing the drawing and commit both files.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS_DIR = ROOT / "resources" / "icons"
PNG_FILE = ICONS_DIR / "commune-desk.png"
ICO_FILE = ICONS_DIR / "commune-desk.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

CANVAS = 1024
BLUE = (21, 94, 160)
PAPER = (255, 255, 255)
FOLD = (200, 216, 232)
BARS = ((46, 125, 50), (46, 125, 50), (21, 94, 160))
STAR = (253, 200, 47)


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """The ten points of a five-pointed star, one point up."""
    from math import cos, pi, sin

    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -pi / 2 + i * pi / 5
        points.append((cx + radius * cos(angle), cy + radius * sin(angle)))
    return points


def draw() -> Image.Image:
    """The icon at CANVAS pixels, transparent outside the rounded square."""
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((32, 32, 992, 992), radius=180, fill=BLUE)
    # the sheet, its top-right corner folded
    left, top, right, bottom, fold = 232, 150, 792, 874, 150
    pen.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill=PAPER,
    )
    pen.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    # rising bars on a base line
    base = 790
    for i, (height, colour) in enumerate(zip((170, 290, 410), BARS, strict=True)):
        x = 320 + i * 140
        pen.rounded_rectangle((x, base - height, x + 100, base), radius=18, fill=colour)
    pen.rectangle((300, base + 10, 724, base + 34), fill=BLUE)
    pen.polygon(_star(372, 300, 110), fill=STAR)
    return image


def main() -> int:
    ICONS_DIR.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(PNG_FILE, optimize=True)
    image.save(ICO_FILE, sizes=[(size, size) for size in ICO_SIZES])
    print(f"icon: {PNG_FILE.relative_to(ROOT)}, {ICO_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
