package com.docsdk.dcycle;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * A facility to link the records of a reading to, named by id or by name, with its share (a decimal in [0, 1]:
 * 0.6 for 60%). Immutable; checked when made.
 *
 * <pre>{@code
 * FacilityShare.byName("Madrid Office", 0.6);   // looked up with facilities().list(name=...), exact name
 * FacilityShare.byId("1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", 0.4);
 * }</pre>
 */
public final class FacilityShare {
    private final String id;
    private final String name;
    private final double share;

    private FacilityShare(String id, String name, double share) {
        this.id = id;
        this.name = name;
        this.share = share;
    }

    /**
     * The facility with this id.
     *
     * @throws ClientValidationException naming {@code facilityId} or {@code share} when blank or out of [0, 1]
     */
    public static FacilityShare byId(String facilityId, double share) {
        ClientValidationException.requireNonBlank("facilityId", facilityId);
        ClientValidationException.require(facilityId.strip().equals(facilityId) && !facilityId.matches(".*\\s.*"),
                "facilityId", "must not contain whitespace");
        return new FacilityShare(facilityId, null, checkShare(share));
    }

    /**
     * The facility with exactly this name (case-insensitive; one listing filtered by name finds it).
     *
     * @throws ClientValidationException naming {@code facilityName} or {@code share} when blank or out of [0, 1]
     */
    public static FacilityShare byName(String facilityName, double share) {
        ClientValidationException.requireNonBlank("facilityName", facilityName);
        return new FacilityShare(null, facilityName.strip(), checkShare(share));
    }

    private static double checkShare(double share) {
        ClientValidationException.require(share >= 0 && share <= 1, "share",
                "must be a decimal in [0, 1] (0.6 for 60%), got " + share);
        return share;
    }

    /** The facility id, when it was named by id. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The facility name, when it was named by name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The share, in [0, 1]. */
    public double share() {
        return share;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FacilityShare f && Objects.equals(id, f.id) && Objects.equals(name, f.name)
                && Double.compare(share, f.share) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, share);
    }

    @Override
    public String toString() {
        return "FacilityShare{" + (id != null ? "id=" + Redactor.field("id", id) : "name=" + Redactor.field("name", name))
                + ", share=" + share + '}';
    }
}
