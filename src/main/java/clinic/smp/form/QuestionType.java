package clinic.smp.form;

/** How a question is answered, and so what JSON value its answer is. */
public enum QuestionType {
    /** A string "YYYY-MM-DD". */
    DATE,
    /** true or false. */
    BOOLEAN,
    /** One option code, as a string. */
    SINGLE_CHOICE,
    /** An array of distinct option codes (possibly empty). */
    MULTI_CHOICE
}
