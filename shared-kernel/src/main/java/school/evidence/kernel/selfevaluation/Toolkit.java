package school.evidence.kernel.selfevaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The primary school improvement quality standards toolkit (shared/seeds/leading-improvement-toolkit.txt): six core
 * elements of the improvement cycle; the booklet sets out quality standards for elements 2 and 6, each rated
 * 1 (strong feature with proven impact) to 4 (significant development, immediate action).
 */
public final class Toolkit {

    public record CoreElement(int number, String title, Map<String, String> standards) {
    }

    public static final Map<Integer, String> RATINGS = Map.of(
            1, "Strong feature of the school, with proven impact, that could be replicated and shared",
            2, "Developing feature yet to be fully embedded, still requiring maintenance and monitoring",
            3, "An aspect in need of some improvement requiring future action",
            4, "An aspect in need of significant development requiring immediate action");

    public static final List<CoreElement> ELEMENTS = List.of(
            new CoreElement(1, "Self-evaluation using the school improvement cycle", Map.of()),
            new CoreElement(2, "Tracking pupil progress at whole-school and classroom level", ordered(
                    "A", "Senior leaders use data and termly tracking information to inform improvement activity",
                    "B", "Pupils' end-of-year expectations take account of prior attainment and national expectations",
                    "C", "All staff share an understanding of age-related expectations and good progress",
                    "D", "Senior leaders and staff track individual children's progress towards end-of-year expectations",
                    "E", "Quality first teaching is informed by termly tracking of individual progress",
                    "F", "Class teachers discuss progress and next steps with children and parents/carers")),
            new CoreElement(3, "A single plan or Raising Attainment Plan", Map.of()),
            new CoreElement(4, "Whole-school systematic CPD", Map.of()),
            new CoreElement(5, "An explicit focus on improving the quality of learning and teaching", Map.of()),
            new CoreElement(6, "Monitoring, evaluation and review, including pupil progress", ordered(
                    "A", "Planned monitoring and evaluation leads to sustainable improvement in the priorities",
                    "B", "Senior leaders use a range of evidence to judge pupil progress and teaching quality",
                    "C", "Evaluation of monitoring leads to revision of the actions in the single plan",
                    "D", "Outcomes of pupil progress meetings lead to specific actions",
                    "E", "Senior leaders ensure professional accountability for progress and attainment",
                    "F", "Main features of termly monitoring are agreed and shared with all stakeholders",
                    "G", "Pupil conferencing engages children in their learning and improves provision")));

    private Toolkit() {
    }

    public static Optional<String> standard(int element, String letter) {
        return ELEMENTS.stream().filter(e -> e.number() == element).findFirst()
                       .map(e -> e.standards().get(letter));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
