#!/usr/bin/env python3
"""Render a terminal screen captured with `tmux capture-pane -p -e` (text with ANSI SGR codes)
to a PNG, for screenshots/ (used by scripts/screenshots.sh).

usage: tmux capture-pane -t S -p -e | ansi2png.py COLS ROWS out.png

Needs pyte and Pillow (scripts/screenshots.sh installs them in a venv under .build/) and the
DejaVu Sans Mono font (Debian: fonts-dejavu-core). Box-drawing characters are drawn as lines so
that they join; faint text (SGR 2), which pyte does not keep, is drawn at normal intensity.
"""
import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

cols, rows, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
lines = sys.stdin.buffer.read().split(b"\n")[:rows]
screen = pyte.Screen(cols, rows)
# pyte wants CR LF, and no newline after the last row (it would scroll the first one away).
pyte.ByteStream(screen).feed(b"\r\n".join(lines))

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
ascent, descent = font.getmetrics()
cell_w, cell_h = round(font.getlength("M")), ascent + descent + 2
PALETTE = {
    "black": (0, 0, 0), "red": (222, 76, 76), "green": (60, 190, 120), "brown": (220, 190, 60),
    "blue": (70, 130, 210), "magenta": (188, 63, 188), "cyan": (60, 175, 210), "white": (229, 229, 229),
    "brightblack": (102, 102, 102), "brightred": (241, 76, 76), "brightgreen": (35, 209, 139),
    "brightbrown": (245, 245, 67), "brightblue": (59, 142, 234), "brightmagenta": (214, 112, 214),
    "brightcyan": (41, 184, 219), "brightwhite": (255, 255, 255),
}
FG, BG = (212, 212, 212), (30, 30, 30)


def rgb(name, default):
    if name == "default":
        return default
    if name in PALETTE:
        return PALETTE[name]
    try:
        return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return default


# Which arms of the cell each box-drawing character has (l, r, u, d), and the line width.
BOX = {"─": ("lr", 1), "━": ("lr", 2), "│": ("ud", 1), "┌": ("rd", 1), "┐": ("ld", 1), "└": ("ru", 1),
       "┘": ("lu", 1), "├": ("udr", 1), "┤": ("udl", 1), "┬": ("lrd", 1), "┴": ("lru", 1), "┼": ("lrud", 1)}
PAD = 10
image = Image.new("RGB", (cols * cell_w + 2 * PAD, rows * cell_h + 2 * PAD), BG)
draw = ImageDraw.Draw(image)
for y in range(rows):
    line = screen.buffer[y]
    for x in range(cols):
        char = line[x]
        fg, bg = rgb(char.fg, FG), rgb(char.bg, BG)
        if char.reverse:
            fg, bg = bg, fg
        px, py = PAD + x * cell_w, PAD + y * cell_h
        if bg != BG:
            draw.rectangle([px, py, px + cell_w - 1, py + cell_h - 1], fill=bg)
        if not char.data or char.data == " ":
            continue
        if char.data in BOX:
            arms, width = BOX[char.data]
            mx, my = px + cell_w // 2, py + cell_h // 2
            if "l" in arms:
                draw.line([px, my, mx, my], fill=fg, width=width)
            if "r" in arms:
                draw.line([mx, my, px + cell_w, my], fill=fg, width=width)
            if "u" in arms:
                draw.line([mx, py, mx, my], fill=fg, width=width)
            if "d" in arms:
                draw.line([mx, my, mx, py + cell_h], fill=fg, width=width)
            continue
        draw.text((px, py + 1), char.data, font=bold if char.bold else font, fill=fg)
# A small palette keeps the files small; the screen has few colours anyway.
image.quantize(colors=48, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
