package dev.backprop.shell.explain;

/** Box-drawing junctions for the bus that joins every node of one column to every node of the next. */
final class Wires {
    private Wires() {
    }

    /** The character joining the given arms: up, down, left, right. */
    static char junction(boolean up, boolean down, boolean left, boolean right) {
        int key = (up ? 8 : 0) | (down ? 4 : 0) | (left ? 2 : 0) | (right ? 1 : 0);
        return switch (key) {
            case 0b1111 -> '┼';
            case 0b1110 -> '┤';
            case 0b1101 -> '├';
            case 0b1100, 0b1000, 0b0100 -> '│';
            case 0b0111 -> '┬';
            case 0b1011 -> '┴';
            case 0b0110 -> '┐';
            case 0b0101 -> '┌';
            case 0b1010 -> '┘';
            case 0b1001 -> '└';
            case 0b0011, 0b0010, 0b0001 -> '─';
            default -> ' ';
        };
    }
}
