package clinic.smp.intake.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Short references a person can read out on the phone, such as {@code E-7KQM-3WTD}.
 *
 * <p>
 * Each reference encodes a number from a database sequence, scrambled by a fixed 4-round Feistel permutation of 38
 * bits, so references are unique by construction (no collision check), yet consecutive submissions do not get
 * consecutive references. The alphabet leaves out characters that are easily confused when spoken or read: 0/O, 1/I/L
 * and U.
 */
public final class HumanReference {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int HALF_BITS = 19;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;
    /** 2^38 values: about 275 billion references; 30^8 > 2^38 so eight characters always suffice. */
    static final long CAPACITY = 1L << (2 * HALF_BITS);
    private static final int[] ROUND_KEYS = { 0x5bd1e9, 0x1b873, 0x3c6ef3, 0x7f4a7c };

    private HumanReference() {
    }

    /** @param prefix one letter telling the kind of submission, e.g. 'E' for an enquiry */
    public static String format(char prefix, long sequenceValue) {
        if (sequenceValue < 0 || sequenceValue >= CAPACITY) {
            throw new IllegalArgumentException("reference sequence exhausted");
        }
        long scrambled = permute(sequenceValue);
        char[] chars = new char[8];
        for (int i = 7; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (scrambled % ALPHABET.length()));
            scrambled /= ALPHABET.length();
        }
        return prefix + "-" + new String(chars, 0, 4) + "-" + new String(chars, 4, 4);
    }

    /**
     * The references a person may mean by {@code typed}: any case, with or without its dashes and spaces, with or
     * without its kind letter ({@code e7kqm3wtd}, {@code 7KQM 3WTD}). Without the letter it is every kind's.
     *
     * @param kinds the kind letters there are, e.g. {@code "EA"}
     * @return the references in their stored form; empty when {@code typed} cannot be one
     */
    public static List<String> candidates(String typed, String kinds) {
        StringBuilder chars = new StringBuilder(9);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            if (chars.length() == 9) {
                return List.of();
            }
            chars.append(c);
        }
        String body;
        String prefixes;
        if (chars.length() == 9 && kinds.indexOf(chars.charAt(0)) >= 0) {
            body = chars.substring(1);
            prefixes = chars.substring(0, 1);
        } else if (chars.length() == 8) {
            body = chars.toString();
            prefixes = kinds;
        } else {
            return List.of();
        }
        for (int i = 0; i < body.length(); i++) {
            if (ALPHABET.indexOf(body.charAt(i)) < 0) {
                return List.of();
            }
        }
        List<String> references = new ArrayList<>(prefixes.length());
        for (int i = 0; i < prefixes.length(); i++) {
            references.add(prefixes.charAt(i) + "-" + body.substring(0, 4) + "-" + body.substring(4));
        }
        return references;
    }

    static long permute(long value) {
        long left = value >>> HALF_BITS;
        long right = value & HALF_MASK;
        for (int key : ROUND_KEYS) {
            long next = left ^ round(right, key);
            left = right;
            right = next;
        }
        return (left << HALF_BITS) | right;
    }

    private static long round(long half, int key) {
        long x = (half * 0x9E3779B1L + key) & 0xFFFFFFFFL;
        x ^= x >>> 15;
        x = (x * 0x85EBCA6BL) & 0xFFFFFFFFL;
        x ^= x >>> 13;
        return x & HALF_MASK;
    }
}
