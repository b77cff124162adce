"""Writes the PIL-made label PNGs used by PilLabelFilesTest (run with /usr/bin/python3, Pillow 9.4).

PIL picks the PNG bit depth from the palette size, so small palettes give 4-bit and 1-bit files;
np.array(Image.open(f)) of each is printed and hard-coded in the test.
"""
import numpy as np
from PIL import Image

a = np.array([[0, 1, 2], [3, 4, 1]], dtype=np.uint8)
p5 = Image.fromarray(a, mode="P")
p5.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])
p5.save("palette_4bit.png")
p2 = Image.fromarray(np.array([[0, 1], [1, 0]], dtype=np.uint8), mode="P")
p2.putpalette([0, 0, 0, 255, 255, 255])
p2.save("palette_1bit.png")
b = a.copy()
b[0, 0] = 255
Image.fromarray(b).save("grey_8bit.png")
p8 = Image.fromarray(b, mode="P")
p8.putpalette([v for i in range(256) for v in (i, 255 - i, (7 * i) % 256)])
p8.save("palette_8bit.png")
for f in ["palette_4bit.png", "palette_1bit.png", "grey_8bit.png", "palette_8bit.png"]:
    print(f, np.array(Image.open(f)).ravel().tolist())
