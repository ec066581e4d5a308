// GOV.UK Frontend's components, started once the page is parsed (module scripts run deferred).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
