package school.evidence.query.pack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import school.evidence.platform.pages.Words;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The pack as a document a head teacher hands an inspector: one Thymeleaf layout ({@code templates/pack/pack.html})
 * gives the HTML file, and the same HTML rendered by openhtmltopdf gives the PDF, so the two never differ.
 */
@Component
class PackDocuments {

    private final ISpringTemplateEngine templates;
    private final ApplicationContext context;
    private final Words words;

    PackDocuments(ISpringTemplateEngine templates, ApplicationContext context, Words words) {
        this.templates = templates;
        this.context = context;
        this.words = words;
    }

    String html(Document pack) {
        Context page = new Context(Locale.UK);
        page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                         new ThymeleafEvaluationContext(context, null)); // for @words in the template
        Document ledger = pack.get("ledger", Document.class);
        page.setVariable("pack", pack);
        page.setVariable("checkpoint", ledger.get("checkpoint", Document.class));
        page.setVariable("proven", ledger.getList("events", Document.class).size());
        page.setVariable("layout", new PackLayout(words, pack));
        return templates.process("pack/pack", page);
    }

    byte[] pdf(Document pack) {
        // openhtmltopdf reads XML: jsoup turns the HTML page into a DOM it can lay out
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html(pack)));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(dom, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
