package school.evidence.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.kernel.Rejection;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.query.cluster.ProcessorClaims;
import school.evidence.query.ledger.LedgerProofs;
import school.evidence.query.ledger.LedgerViews.CheckpointView;
import school.evidence.query.ReadModelProcessors;
import school.evidence.query.replay.ProjectionRebuild;
import school.evidence.query.school.SchoolNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations page, for operators: each school's ledger (its latest signed checkpoint; verify it, sign one now),
 * the projections (how far behind each is, what it has parked; retry, rebuild) and the embedded store's file. Ids,
 * counts and errors only: no pupil or staff content. The forms post to the query side, which does the work.
 */
@PageController
class OperationsPage {

    record SchoolLedger(String urn, String name, CheckpointView latest) {
    }

    /** @param heldBy the node doing its work (several query-side nodes share the store, one holds each segment) */
    record Projection(String name, long lagEvents, long lagMillis, long parked, boolean rebuildable, String heldBy) {
    }

    private final LedgerProofs proofs;
    private final SchoolNames names;
    private final DeadLetters letters;
    private final ProjectionRebuild rebuild;
    private final MeterRegistry meters;
    private final school.evidence.query.backup.Backups backups;
    private final ProcessorClaims claims;

    OperationsPage(LedgerProofs proofs, SchoolNames names, DeadLetters letters, ProjectionRebuild rebuild,
                   MeterRegistry meters, school.evidence.query.backup.Backups backups, ProcessorClaims claims) {
        this.backups = backups;
        this.claims = claims;
        this.proofs = proofs;
        this.names = names;
        this.letters = letters;
        this.rebuild = rebuild;
        this.meters = meters;
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @GetMapping("/operations")
    String page(@RequestParam(required = false) String verify, Model model) {
        List<SchoolLedger> schools = new ArrayList<>();
        for (String urn : proofs.schools()) {
            schools.add(new SchoolLedger(urn, names.of(urn), latest(urn)));
        }
        model.addAttribute("schools", schools);
        if (verify != null && proofs.schools().contains(verify)) {
            try {
                model.addAttribute("verification", proofs.verify(verify));
            } catch (Rejection noCheckpoint) {
                model.addAttribute("verificationProblem", noCheckpoint.getMessage() + ": sign one first.");
            }
            model.addAttribute("verifiedSchool", names.of(verify));
        }
        model.addAttribute("projections", projections());
        model.addAttribute("letters", letters.all());
        model.addAttribute("store", store());
        model.addAttribute("backupsOn", backups.configured());
        model.addAttribute("backups", backups.listed());
        model.addAttribute("restoredFrom", backups.restoredFrom().orElse(null));
        return "operations";
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/operations/checkpoints/{urn}")
    String sign(@PathVariable String urn, RedirectAttributes redirect) {
        proofs.signNow(urn);
        CheckpointView signed = latest(urn);
        redirect.addFlashAttribute("saved", signed == null ? "Nothing is recorded for " + names.of(urn) + " yet"
                : "Signed: " + names.of(urn) + "'s log of " + signed.treeSize() + " entries");
        return "redirect:/operations";
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/operations/dead-letters/{group}/retry")
    String retry(@PathVariable String group, RedirectAttributes redirect) {
        DeadLetters.Retry retried = letters.retry(group);
        redirect.addFlashAttribute("saved", "Retried " + retried.sequencesRetried() + " parked for " + group + "; "
                + retried.lettersStillParked() + " still parked");
        return "redirect:/operations#projections";
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/operations/projections/{group}/rebuild")
    String rebuild(@PathVariable String group, RedirectAttributes redirect) {
        if (!rebuild.groups().contains(group)) {
            throw Rejection.notFound("group", "No projection " + group);
        }
        ProjectionRebuild.Result result = rebuild.rebuildAndSwap(group);
        redirect.addFlashAttribute("saved", "Rebuilt " + group + " from " + result.events() + " events"
                + (result.swapped() ? " and swapped in" : ""));
        return "redirect:/operations#projections";
    }

    private CheckpointView latest(String urn) {
        try {
            return proofs.latest(urn);
        } catch (Rejection none) {
            return null;
        }
    }

    /** Each read model's lag and parked events, as its meters say (the same figures the dashboard shows). */
    private List<Projection> projections() {
        Map<String, long[]> byName = new TreeMap<>();
        collect(byName, "evidence.processor.lag.events", 0);
        collect(byName, "evidence.processor.lag", 1);
        collect(byName, "evidence.processor.dead.letters", 2);
        List<String> rebuildable = rebuild.groups();
        return byName.entrySet().stream().map(e -> new Projection(e.getKey(), e.getValue()[0], e.getValue()[1],
                                                                  e.getValue()[2], rebuildable.contains(e.getKey()),
                                                                  claims.heldBy(ReadModelProcessors.of(e.getKey()))))
                     .toList();
    }

    private void collect(Map<String, long[]> byName, String meter, int slot) {
        for (Gauge gauge : meters.find(meter).gauges()) {
            String name = gauge.getId().getTag("projection");
            if (name != null) {
                byName.computeIfAbsent(name, n -> new long[3])[slot] = Math.round(gauge.value());
            }
        }
    }

    /** The embedded store's file, when the service runs on it; empty on a MongoDB server. */
    private Map<String, Object> store() {
        Map<String, Object> store = new TreeMap<>();
        for (String meter : List.of("evidence.store.file.size", "evidence.store.file.live",
                                    "evidence.store.page.cache.used", "evidence.store.recovery.last",
                                    "evidence.store.recovery.duration")) {
            Gauge gauge = meters.find(meter).gauge();
            if (gauge != null) {
                store.put(meter.substring("evidence.store.".length()), gauge.value());
            }
        }
        if (store.get("recovery.last") instanceof Double last) { // NaN: never; else a moment the page writes in words
            store.put("recovery.last", last.isNaN() ? null : java.time.Instant.ofEpochSecond(last.longValue()));
        }
        return store;
    }
}
