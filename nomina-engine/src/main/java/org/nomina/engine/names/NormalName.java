package org.nomina.engine.names;

/**
 * The comparison forms of one name.
 *
 * @param form      ASCII lower-case letters only, gendered surname endings folded ("mamedova" → "mamedov");
 *                  compared exactly and by Jaro–Winkler. Empty when the name is unknown.
 * @param folded    {@code form} after the spelling-family rules of {@link NameNormaliser} (h/g/kh/x/q
 *                  dropped, double letters collapsed, y → i …) with vowels kept; used for Jaro–Winkler
 *                  between transliteration families and as the input of phonetic keys
 * @param familyKey the skeleton of {@code folded} (first letter, then consonants only) or, for given names,
 *                  the skeleton of the diminutive family's canonical name; equal keys mean "same family"
 */
public record NormalName(String form, String folded, String familyKey) {

    /** The unknown name. */
    public static final NormalName EMPTY = new NormalName("", "", "");

    public NormalName {
        if (form.isEmpty() != familyKey.isEmpty()) {
            throw new IllegalArgumentException("form and family key must be both empty or both set: "
                    + form + " / " + familyKey);
        }
    }

    public boolean isEmpty() {
        return form.isEmpty();
    }
}
