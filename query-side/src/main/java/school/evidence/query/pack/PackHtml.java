package school.evidence.query.pack;

import org.bson.Document;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/** The evidence pack as one self-contained HTML page, every value escaped. */
final class PackHtml {
    private PackHtml() {
    }

    static String render(Document pack) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(e("Evidence pack " + pack.getString("school"))).append("</title><style>body{font-family:sans-serif;"
                + "max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;"
                + "text-align:left;vertical-align:top}.GREEN{background:#cfc}.AMBER{background:#fe9}.RED{background:#f99}"
                + "</style></head><body>");
        html.append("<h1>Evidence pack: ").append(e(pack.getString("schoolName"))).append(", school ")
            .append(e(pack.getString("school"))).append("</h1><p>")
            .append(e(pack.getString("from"))).append(" to ").append(e(pack.getString("to"))).append(", Ofsted framework ")
            .append(e(pack.getString("framework"))).append(". Generated ").append(e(pack.getString("generatedAt"))).append(".</p>");
        for (Document plan : pack.getList("plans", Document.class)) {
            html.append("<h2>").append(e(plan.getString("title"))).append(" (").append(e(plan.getString("academicYear")))
                .append(")</h2><table><tr><th>Action</th><th>RAG now</th><th>RAG history</th></tr>");
            for (Document action : plan.getList("actions", Document.class)) {
                html.append("<tr><td>").append(e(action.getString("number"))).append(". ").append(e(action.getString("title")))
                    .append("</td><td class=\"").append(e(String.valueOf(action.get("rag")))).append("\">")
                    .append(e(String.valueOf(action.get("rag") == null ? "not judged" : action.get("rag")))).append("</td><td>");
                for (Document judgement : action.getList("ragHistory", Document.class)) {
                    html.append(e(judgement.getString("halfTerm") + ": " + judgement.getString("status") + " ("
                            + judgement.getString("judgedBy") + ") " + judgement.getString("rationale"))).append("<br>");
                }
                html.append("</td></tr>");
            }
            html.append("</table>");
        }
        Document monitoring = pack.get("monitoring", Document.class);
        html.append("<h2>Monitoring: ").append(monitoring.get("activities")).append(" activities</h2>");
        counts(html, "By type", monitoring.get("byType", Document.class));
        counts(html, "By Ofsted area (" + monitoring.getString("framework") + ")", monitoring.get("byOfstedArea", Document.class));
        counts(html, "By pupil group", monitoring.get("byPupilGroup", Document.class));
        html.append("<h3>Key findings</h3><table><tr><th>Date</th><th>Type</th><th>Strengths</th><th>Areas for development</th></tr>");
        for (Document f : monitoring.getList("keyFindings", Document.class)) {
            html.append("<tr><td>").append(e(f.getString("occurredOn"))).append("</td><td>").append(e(f.getString("type")))
                .append("</td><td>").append(e(String.join("; ", f.getList("strengths", String.class)))).append("</td><td>")
                .append(e(String.join("; ", f.getList("areasForDevelopment", String.class)))).append("</td></tr>");
        }
        html.append("</table><h2>Next steps</h2><table><tr><th>Step</th><th>Owner</th><th>Due</th><th>Status</th></tr>");
        for (Document s : pack.getList("nextSteps", Document.class)) {
            html.append("<tr><td>").append(e(s.getString("text"))).append("</td><td>").append(e(s.getString("owner")))
                .append("</td><td>").append(e(s.getString("dueOn"))).append("</td><td>").append(e(s.getString("status")))
                .append("</td></tr>");
        }
        html.append("</table><h2>Governor challenge</h2><table><tr><th>Raised</th><th>Question</th><th>Status</th><th>What changed</th></tr>");
        for (Document c : pack.getList("challengeLog", Document.class)) {
            html.append("<tr><td>").append(e(c.getString("raisedOn") + " " + c.getString("raisedBy"))).append("</td><td>")
                .append(e(c.getString("question"))).append("</td><td>").append(e(c.getString("status"))).append("</td><td>")
                .append(e(String.valueOf(c.get("whatChanged") == null ? "" : c.get("whatChanged")))).append("</td></tr>");
        }
        html.append("</table><h2>Self-evaluation</h2>");
        for (Document ev : pack.getList("selfEvaluations", Document.class)) {
            html.append("<p>").append(e(ev.getString("evaluatedOn"))).append(": ");
            for (Document r : ev.getList("ratings", Document.class)) {
                html.append(e(r.getInteger("coreElement") + r.getString("standard") + " = " + r.getInteger("rating"))).append("; ");
            }
            html.append("</p>");
        }
        Document ledger = pack.get("ledger", Document.class);
        Document checkpoint = ledger.get("checkpoint", Document.class);
        html.append("<h2>Ledger</h2><p>Signed checkpoint: ").append(checkpoint.get("treeSize")).append(" events, root ")
            .append(e(checkpoint.getString("rootHash"))).append(", issued ").append(e(checkpoint.getString("issuedAt")))
            .append(", key ").append(e(checkpoint.getString("keyId"))).append(". ")
            .append(ledger.getList("events", Document.class).size()).append(" events of this pack carry inclusion proofs in the "
                    + "JSON pack.</p><p>").append(e(ledger.getString("howToVerify"))).append("</p></body></html>");
        return html.toString();
    }

    private static void counts(StringBuilder html, String title, Document counts) {
        html.append("<h3>").append(e(title)).append("</h3><ul>");
        for (Map.Entry<String, Object> entry : counts.entrySet()) {
            html.append("<li>").append(e(entry.getKey())).append(": ").append(entry.getValue()).append("</li>");
        }
        html.append("</ul>");
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

}
