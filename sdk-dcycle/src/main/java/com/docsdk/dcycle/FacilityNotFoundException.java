package com.docsdk.dcycle;

import com.docsdk.core.error.SdkException;

/** No facility of the organization has the name a {@link FacilityShare#byName} gave, or more than one has. */
public final class FacilityNotFoundException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final String facilityName;

    FacilityNotFoundException(String facilityName, String message) {
        super(message);
        this.facilityName = facilityName;
    }

    /** The name that was looked up. */
    public String facilityName() {
        return facilityName;
    }
}
