package dev.backprop.plot;

import java.awt.Color;

/** Colours shared by the text and the file renderings: per series, and per class (region and point). */
final class Palette {
    /** xterm 256-colour indices for series lines. */
    static final int[] SERIES_ANSI = {33, 208, 34, 163, 160, 37, 136, 99};
    static final Color[] SERIES_RGB = {new Color(0x00, 0x87, 0xff), new Color(0xff, 0x87, 0x00),
        new Color(0x00, 0xaf, 0x00), new Color(0xd7, 0x00, 0xaf), new Color(0xd7, 0x00, 0x00),
        new Color(0x00, 0xaf, 0xaf), new Color(0xaf, 0x87, 0x00), new Color(0x87, 0x5f, 0xff)};
    /** ASCII markers per series. */
    static final char[] SERIES_MARK = {'*', '+', 'o', 'x', '#', '@', '%', '&'};
    /** Class colours (TensorFlow Playground's orange and blue first): dark for points, light for regions. */
    static final int[] CLASS_POINT_ANSI = {166, 25, 28, 127, 88, 30, 94, 55};
    static final int[] CLASS_REGION_ANSI = {223, 153, 157, 225, 217, 159, 229, 189};
    static final Color[] CLASS_RGB = {new Color(0xf5, 0x93, 0x22), new Color(0x08, 0x77, 0xbd),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd),
        new Color(0x17, 0xbe, 0xcf), new Color(0xbc, 0xbd, 0x22), new Color(0x8c, 0x56, 0x4b)};
    /** ASCII: a point's mark and a region's fill per class. */
    static final char[] CLASS_MARK = {'o', 'x', '+', '*', '#', '@', '%', '&'};
    static final char[] CLASS_FILL = {' ', '.', ':', '-', '=', '~', '^', '`'};

    private Palette() {
    }

    static int pick(int[] palette, int i) {
        return palette[Math.floorMod(i, palette.length)];
    }

    static char pick(char[] palette, int i) {
        return palette[Math.floorMod(i, palette.length)];
    }

    static Color pick(Color[] palette, int i) {
        return palette[Math.floorMod(i, palette.length)];
    }
}
