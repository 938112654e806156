package io.dmskit.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Proves that each generated endpoint settings class carries every member of its AWS SDK model: for each member the
 * SDK lists in {@code sdkFields()}, an SDK value with only that member set is read into our class
 * ({@code fromSdk}) and written back ({@code toSdkBuilder()}); the member is carried when the result equals the
 * original. Enumerated members are tried with every value the SDK knows. Members left out on purpose are listed, with
 * the reason, in each class's allow-list below, so that an SDK upgrade shows exactly the members still missing.
 * (The task-settings sections are JSON documents, not SDK models, so they have no counterpart here.)
 */
@DisplayName("Each typed endpoint settings class carries every member of its AWS SDK model")
class SdkFieldCoverageTest {

    /** One of our settings classes and the SDK model it mirrors. */
    private record Model<T extends SdkPojo>(String name, Supplier<? extends SdkBuilder<?, T>> builder,
                                            UnaryOperator<T> roundTrip, Map<String, String> notCovered) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The connection and credentials of a database endpoint: {@link io.dmskit.core.Endpoint} holds them and sends them
     * at the request's top level ({@code ServerName}, {@code Port}, ...) or, for a secret, into the engine settings
     * ({@code SecretsManagerSecretId}), so the engine settings classes leave them out.
     */
    private static final Map<String, String> CONNECTION = Map.of(
        "ServerName", "Endpoint.serverName",
        "Port", "Endpoint.port",
        "DatabaseName", "Endpoint.databaseName",
        "Username", "Endpoint.credentials",
        "Password", "Endpoint.credentials",
        "SecretsManagerSecretId", "Endpoint.credentials (Credentials.secret / managedSecret)",
        "SecretsManagerAccessRoleArn", "Endpoint.credentials (Credentials.secret / managedSecret)");

    static Stream<Model<?>> models() {
        return Stream.of(
            new Model<>("S3Settings",
                software.amazon.awssdk.services.databasemigration.model.S3Settings::builder,
                sdk -> S3Settings.fromSdk(sdk).toSdkBuilder().build(),
                Map.of()),
            new Model<>("MySqlSettings",
                software.amazon.awssdk.services.databasemigration.model.MySQLSettings::builder,
                sdk -> MySqlSettings.fromSdk(sdk).toSdkBuilder().build(),
                CONNECTION),
            new Model<>("PostgreSqlSettings",
                software.amazon.awssdk.services.databasemigration.model.PostgreSQLSettings::builder,
                sdk -> PostgreSqlSettings.fromSdk(sdk).toSdkBuilder().build(),
                CONNECTION),
            new Model<>("OracleSettings",
                software.amazon.awssdk.services.databasemigration.model.OracleSettings::builder,
                sdk -> OracleSettings.fromSdk(sdk).toSdkBuilder().build(),
                with(CONNECTION, Map.of(
                    // clear-text passwords stay out of dmskit's values; DMS reads them from Secrets Manager instead
                    "AsmPassword", "use SecretsManagerOracleAsmSecretId",
                    "SecurityDbEncryption", "TDE password: keep it in Secrets Manager",
                    // not modelled yet
                    "ExtraArchivedLogDestIds", "not modelled yet (a list of destination ids)",
                    "AuthenticationMethod", "not modelled yet (Oracle: password or kerberos)"))),
            new Model<>("SqlServerSettings",
                software.amazon.awssdk.services.databasemigration.model.MicrosoftSQLServerSettings::builder,
                sdk -> SqlServerSettings.fromSdk(sdk).toSdkBuilder().build(),
                with(CONNECTION, Map.of(
                    "AuthenticationMethod", "not modelled yet (SQL Server: password or kerberos)"))),
            new Model<>("KinesisSettings",
                software.amazon.awssdk.services.databasemigration.model.KinesisSettings::builder,
                sdk -> KinesisSettings.fromSdk(sdk).toSdkBuilder().build(),
                Map.of()));
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @DisplayName("every SDK member is carried through fromSdk and toSdkBuilder, except the documented allow-list")
    <T extends SdkPojo> void carriesEverySdkMember(Model<T> model) {
        T empty = model.builder().get().build();
        Map<String, String> lost = new TreeMap<>();
        List<String> members = new ArrayList<>();
        for (SdkField<?> field : empty.sdkFields()) {
            String member = field.memberName();
            members.add(member);
            for (Object value : sampleValues(empty.getClass(), field)) {
                SdkBuilder<?, T> b = model.builder().get();
                field.set(b, value);
                T original = b.build();
                T back = model.roundTrip().apply(original);
                if (!back.equals(original)) {
                    lost.merge(member, String.valueOf(value), (a, v) -> a + ", " + v);
                }
            }
        }
        Map<String, String> missing = new TreeMap<>(lost);
        missing.keySet().removeAll(model.notCovered().keySet());
        assertThat(missing)
            .as("%s loses these SDK members (member -> values that did not survive fromSdk/toSdkBuilder); add them to "
                + "dms-core/gen/specs.py, or to this test's allow-list with the reason", model.name())
            .isEmpty();
        assertThat(model.notCovered().keySet())
            .as("%s allow-list names members the SDK model does not have", model.name())
            .isSubsetOf(members);
        assertThat(model.notCovered().keySet())
            .as("%s allow-list names members that are carried now; remove them from the allow-list", model.name())
            .isSubsetOf(lost.keySet());
    }

    /** Values to try for a member: every known value of an enumerated member, otherwise one value of its type. */
    private static List<Object> sampleValues(Class<?> sdkClass, SdkField<?> field) {
        Optional<Class<?>> enumType = enumTypeOf(sdkClass, field.memberName());
        if (enumType.isPresent()) {
            return Arrays.stream(enumType.get().getEnumConstants())
                .map(Object::toString)
                .filter(v -> !"null".equals(v)) // UNKNOWN_TO_SDK_VERSION prints as null
                .map(v -> (Object) v)
                .toList();
        }
        return List.of(sample(field, field.memberName()));
    }

    private static Object sample(SdkField<?> field, String member) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return member + "-value";
        } else if (type == MarshallingType.INTEGER) {
            return 7;
        } else if (type == MarshallingType.LONG) {
            return 7L;
        } else if (type == MarshallingType.DOUBLE) {
            return 1.5;
        } else if (type == MarshallingType.BOOLEAN) {
            return true;
        } else if (type == MarshallingType.LIST) {
            return List.of(sample(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), member));
        }
        throw new AssertionError("no sample value for member " + member + " of type " + type
            + "; extend SdkFieldCoverageTest.sample");
    }

    /** The SDK enum behind a string member: its typed getter (e.g. {@code dataFormat()}) returns an enum. */
    private static Optional<Class<?>> enumTypeOf(Class<?> sdkClass, String member) {
        for (Method m : sdkClass.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(member) && m.getReturnType().isEnum()) {
                return Optional.of(m.getReturnType());
            }
        }
        return Optional.empty();
    }
}
