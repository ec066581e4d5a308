package school.evidence.kernel.plan;

import java.util.List;
import java.util.Set;

/**
 * A plan section as schools write it, e.g. "Teaching, learning and assessment".
 *
 * @param aim         what the section sets out to do ("To ensure teaching ... meets the needs of all pupils")
 * @param ethosLinks  the school-ethos qualities it serves ("good communicators", "curious"...)
 * @param ofstedAreas areas under either Ofsted framework
 */
public record SectionDetails(String title, String aim, List<String> ethosLinks, Set<OfstedArea> ofstedAreas) {
}
