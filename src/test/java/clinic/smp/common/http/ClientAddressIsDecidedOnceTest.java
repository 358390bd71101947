package clinic.smp.common.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Only {@link ClientAddress} reads an address off a request or a connection (any {@code remoteAddress()}: Vert.x's
 * request, which Quarkus fills from the leftmost X-Forwarded-For entry, its connection's, Netty's): everything else
 * asks it, so the rate limits and the consent ledger agree on who the client is and a client's header cannot choose.
 */
@AnalyzeClasses(packages = "clinic.smp", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientAddressIsDecidedOnceTest {

    @ArchTest
    static final ArchRule only_client_address_reads_the_remote_address = noClasses()
            .that().doNotHaveFullyQualifiedName(ClientAddress.class.getName())
            .should().callMethodWhere(DescribedPredicate.describe("the method is remoteAddress()",
                    (JavaCall<?> call) -> call.getName().equals("remoteAddress")))
            .because("ClientAddress decides the client address once, from the right of X-Forwarded-For");
}
