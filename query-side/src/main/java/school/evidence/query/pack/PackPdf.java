package school.evidence.query.pack;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.bson.Document;

import java.io.ByteArrayOutputStream;

/** The evidence pack as PDF (OpenPDF: no browser needed). */
final class PackPdf {
    private PackPdf() {
    }

    static byte[] render(Document pack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.Document pdf = new com.lowagie.text.Document(PageSize.A4);
        Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle("Evidence pack " + pack.getString("school"));
            pdf.open();
            pdf.add(new Paragraph("Evidence pack: " + pack.getString("schoolName") + ", school " + pack.getString("school"), h1));
            pdf.add(new Paragraph(pack.getString("from") + " to " + pack.getString("to") + ", Ofsted framework "
                                          + pack.getString("framework") + ". Generated " + pack.getString("generatedAt"), body));
            for (Document plan : pack.getList("plans", Document.class)) {
                pdf.add(new Paragraph(plan.getString("title") + " (" + plan.getString("academicYear") + ")", h2));
                PdfPTable table = new PdfPTable(new float[]{4, 1, 5});
                table.setWidthPercentage(100);
                table.addCell(new Paragraph("Action", body));
                table.addCell(new Paragraph("RAG", body));
                table.addCell(new Paragraph("RAG history", body));
                for (Document action : plan.getList("actions", Document.class)) {
                    table.addCell(new Paragraph(action.getString("number") + ". " + action.getString("title"), body));
                    table.addCell(new Paragraph(action.get("rag") == null ? "not judged" : action.getString("rag"), body));
                    StringBuilder history = new StringBuilder();
                    for (Document j : action.getList("ragHistory", Document.class)) {
                        history.append(j.getString("halfTerm")).append(": ").append(j.getString("status")).append(" - ")
                               .append(j.getString("rationale")).append("\n");
                    }
                    table.addCell(new Paragraph(history.toString(), body));
                }
                pdf.add(table);
            }
            Document monitoring = pack.get("monitoring", Document.class);
            pdf.add(new Paragraph("Monitoring: " + monitoring.get("activities") + " activities", h2));
            pdf.add(new Paragraph("By type: " + monitoring.get("byType", Document.class).toJson(), body));
            pdf.add(new Paragraph("By Ofsted area: " + monitoring.get("byOfstedArea", Document.class).toJson(), body));
            pdf.add(new Paragraph("By pupil group: " + monitoring.get("byPupilGroup", Document.class).toJson(), body));
            for (Document f : monitoring.getList("keyFindings", Document.class)) {
                pdf.add(new Paragraph(f.getString("occurredOn") + " " + f.getString("type") + ": strengths "
                        + String.join("; ", f.getList("strengths", String.class)) + "; to develop "
                        + String.join("; ", f.getList("areasForDevelopment", String.class)), body));
            }
            pdf.add(new Paragraph("Next steps", h2));
            for (Document s : pack.getList("nextSteps", Document.class)) {
                pdf.add(new Paragraph(s.getString("dueOn") + " " + s.getString("owner") + ": " + s.getString("text")
                                              + " (" + s.getString("status") + ")", body));
            }
            pdf.add(new Paragraph("Governor challenge", h2));
            for (Document c : pack.getList("challengeLog", Document.class)) {
                pdf.add(new Paragraph(c.getString("raisedOn") + " " + c.getString("raisedBy") + ": " + c.getString("question")
                                              + " [" + c.getString("status") + "]"
                                              + (c.get("whatChanged") == null ? "" : " changed: " + c.get("whatChanged")), body));
            }
            pdf.add(new Paragraph("Self-evaluation", h2));
            for (Document ev : pack.getList("selfEvaluations", Document.class)) {
                StringBuilder line = new StringBuilder(ev.getString("evaluatedOn")).append(": ");
                ev.getList("ratings", Document.class).forEach(r -> line.append(r.getInteger("coreElement"))
                        .append(r.getString("standard")).append("=").append(r.getInteger("rating")).append("; "));
                pdf.add(new Paragraph(line.toString(), body));
            }
            Document ledger = pack.get("ledger", Document.class);
            Document checkpoint = ledger.get("checkpoint", Document.class);
            pdf.add(new Paragraph("Ledger", h2));
            pdf.add(new Paragraph("Signed checkpoint: " + checkpoint.get("treeSize") + " events, root "
                                          + checkpoint.getString("rootHash") + ", issued " + checkpoint.getString("issuedAt")
                                          + ", key " + checkpoint.getString("keyId"), body));
            pdf.add(new Paragraph(ledger.getString("howToVerify"), body));
            pdf.add(Chunk.NEWLINE);
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render the pack as PDF", e);
        }
        return out.toByteArray();
    }
}
