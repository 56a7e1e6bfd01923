package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * circle-boundary.js saves a boundary plot and a loss plot with plot.save into the write root (the
 * current folder of `backprop run`); the PNG files are opened and checked for their pixel size and
 * that they are not blank: many pixels differ from the background, in several colours.
 */
class SavedPlotsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void circleBoundarySavesABoundaryAndALossPng() throws Exception {
        ScriptRun.Output o = ScriptRun.of(ScriptRun.SCRIPTS.resolve("circle-boundary.js")).run(dir, 300);
        assertEquals(0, o.exit(), o.toString());

        // the decision regions fill the plot area: most pixels are coloured, in at least two region colours
        Picture boundary = Picture.read(dir.resolve("circle-boundary.png"));
        assertEquals(600, boundary.image.getWidth(), "boundary width");
        assertEquals(600, boundary.image.getHeight(), "boundary height");
        assertTrue(boundary.notBackground > 0.3, "the boundary plot looks blank: " + boundary);
        assertTrue(boundary.colours >= 4, "the boundary plot has too few colours: " + boundary);

        // a loss chart is mostly background; its curves, axes and labels still cover a visible part
        Picture loss = Picture.read(dir.resolve("circle-loss.png"));
        assertEquals(800, loss.image.getWidth(), "loss chart width");
        assertEquals(500, loss.image.getHeight(), "loss chart height");
        assertTrue(loss.notBackground > 0.005, "the loss plot looks blank: " + loss);
        assertTrue(loss.colours >= 3, "the loss plot has too few colours: " + loss);
    }

    /** A PNG read back, with the share of pixels unlike the top-left corner's and the number of distinct colours. */
    private record Picture(Path file, BufferedImage image, double notBackground, int colours) {
        static Picture read(Path file) throws Exception {
            assertTrue(Files.isRegularFile(file), file + " was not saved");
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), file + " is not a PNG file");
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " could not be decoded");
            int background = image.getRGB(0, 0);
            long other = 0;
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    colours.add(rgb);
                    if (rgb != background) {
                        other++;
                    }
                }
            }
            return new Picture(file, image, (double) other / ((long) image.getWidth() * image.getHeight()), colours.size());
        }

        @Override
        public String toString() {
            return file.getFileName() + " " + image.getWidth() + "×" + image.getHeight() + ", "
                    + String.format(java.util.Locale.ROOT, "%.2f%%", 100 * notBackground) + " not background, " + colours + " colours";
        }
    }
}
