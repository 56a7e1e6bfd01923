package dev.backprop.script.js;

import dev.backprop.explain.Beat;
import dev.backprop.explain.Walkthrough;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of {@code nn.explain}'s walkthrough: its beats as JSON data and its readable text. */
public record WalkthroughFacade(Walkthrough walkthrough) {
    /** The beats as a JSON array of plain objects: kind, direction, layer, narration and the beat's numbers. */
    @Export
    public String steps() {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Beat b : walkthrough.beats()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", b.kind());
            m.put("direction", b.direction().name().toLowerCase(java.util.Locale.ROOT));
            m.put("layer", b.layer());
            switch (b) {
                case Beat.Forward f -> {
                    m.put("z", f.z());
                    m.put("a", f.a());
                }
                case Beat.Loss l -> {
                    m.put("yhat", l.yhat());
                    m.put("y", l.y());
                    m.put("loss", l.loss());
                }
                case Beat.Delta d -> m.put("delta", d.delta());
                case Beat.Gradient g -> {
                    m.put("rows", g.rows());
                    m.put("cols", g.cols());
                    m.put("dW", g.dW());
                    m.put("db", g.db());
                }
                case Beat.Update u -> {
                    m.put("lr", u.lr());
                    List<Map<String, Object>> changes = new ArrayList<>();
                    for (Beat.Change c : u.changes()) {
                        Map<String, Object> cm = new LinkedHashMap<>();
                        cm.put("name", c.name());
                        cm.put("trainable", c.trainable());
                        cm.put("before", c.before());
                        cm.put("after", c.after());
                        changes.add(cm);
                    }
                    m.put("changes", changes);
                }
                case Beat.Recheck r -> {
                    m.put("a", r.a());
                    m.put("yhat", r.yhat());
                    m.put("loss", r.loss());
                    m.put("previousLoss", r.previousLoss());
                }
            }
            m.put("narration", b.narration());
            steps.add(m);
        }
        return Json.write(steps);
    }

    /** The title line. */
    @Export
    public String title() {
        return walkthrough.title();
    }

    /** The readable text: the title, then one numbered line per beat. */
    @Export
    @Override
    public String toString() {
        return walkthrough.toString();
    }
}
