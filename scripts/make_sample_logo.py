"""Draws the emblem used on the cover of the bundled sample (resources/sample/logo.png).

A plain shield with a star, rice and cotton and the region's name: a stand-in for the regional
logo, which every user replaces with their own (Dokumen tab, Sampul, Sisipkan gambar).
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    size = 480
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    green, gold, dark = (16, 110, 60), (230, 180, 40), (20, 40, 30)
    shield = [(60, 40), (420, 40), (420, 250), (240, 450), (60, 250)]
    d.polygon(shield, fill=green, outline=dark)
    d.line(shield + [shield[0]], fill=dark, width=8)
    inner = [(90, 70), (390, 70), (390, 240), (240, 410), (90, 240)]
    d.line(inner + [inner[0]], fill=gold, width=5)
    # star
    import math
    cx, cy, r1, r2 = 240, 150, 60, 25
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        r = r1 if k % 2 == 0 else r2
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(pts, fill=gold)
    # rice (left) and cotton (right)
    for k in range(7):
        y = 250 + k * 18
        d.ellipse((130 + k * 6, y, 150 + k * 6, y + 12), fill=gold)
        d.ellipse((330 - k * 6, y, 350 - k * 6, y + 12), fill=(250, 250, 250))
    font = ImageFont.truetype(str(ROOT / "resources/fonts/LiberationSans-Bold.ttf"), 34)
    text = "BINJAI"
    w = d.textlength(text, font=font)
    d.text(((size - w) / 2, 218), text, font=font, fill=(255, 255, 255))
    img.save(ROOT / "resources/sample/logo.png", optimize=True)


if __name__ == "__main__":
    main()
