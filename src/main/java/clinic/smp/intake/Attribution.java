package clinic.smp.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Attribution as stored beside a submission. */
@Embeddable
public class Attribution {

    @Column(name = "utm_source", length = 200)
    public String utmSource;
    @Column(name = "utm_medium", length = 200)
    public String utmMedium;
    @Column(name = "utm_campaign", length = 200)
    public String utmCampaign;
    @Column(name = "utm_term", length = 200)
    public String utmTerm;
    @Column(name = "utm_content", length = 200)
    public String utmContent;
    @Column(name = "referrer", length = 2048)
    public String referrer;
    @Column(name = "landing_page", length = 2048)
    public String landingPage;

    public static Attribution from(AttributionRequest request) {
        Attribution a = new Attribution();
        if (request != null) {
            a.utmSource = request.utm_source();
            a.utmMedium = request.utm_medium();
            a.utmCampaign = request.utm_campaign();
            a.utmTerm = request.utm_term();
            a.utmContent = request.utm_content();
            a.referrer = request.referrer();
            a.landingPage = request.landingPage();
        }
        return a;
    }

    /** @return null when nothing was given, so responses leave the object out */
    public AttributionRequest toRequest() {
        if (utmSource == null && utmMedium == null && utmCampaign == null && utmTerm == null && utmContent == null
                && referrer == null && landingPage == null) {
            return null;
        }
        return new AttributionRequest(utmSource, utmMedium, utmCampaign, utmTerm, utmContent, referrer, landingPage);
    }
}
