// @ts-check
// What the two learning-system adapters share (lms-scorm.js, lms-cmi5.js): the Session interface
// the quiz sees (lms.js connects one), the report's facts, and the session of a package opened
// without its learning system.

/**
 * A finished attempt, as quiz/widgets/quiz/report.py builds it.
 * @typedef {object} Report
 * @property {number} score
 * @property {number} out_of
 * @property {number} percent
 * @property {boolean} passed
 * @property {number} pass_mark
 * @property {string} track
 * @property {string} question_bank_version
 * @property {{policy: string, procedure: string}} document_versions
 * @property {string | null} review_by
 */

/**
 * What the learning system said at launch, as the quiz is told it (quiz.widgets.quiz.record.launch).
 * @typedef {object} LaunchFacts
 * @property {boolean} passed a pass is already on record
 * @property {number | null} mastery the learning system's mastery score, 0 to 1
 * @property {"Normal" | "Browse" | "Review"} mode
 * @property {boolean} exit there is a place to return to
 * @property {string[]} languages the learner's language preferences, in order
 */

/**
 * Where a report got to: "held" is cmi5's fail waiting for the end of the session.
 * @typedef {"sent" | "held" | "failed"} Delivery
 */

/**
 * One launch's session, SCORM or cmi5: the quiz's only view of a learning system.
 * @typedef {object} Session
 * @property {"scorm" | "cmi5"} kind
 * @property {boolean} ok connected and able to record
 * @property {string | null} problem what went wrong, in words for the reader
 * @property {string} learner the learner's name as the learning system gave it
 * @property {unknown} savedState the packed progress the learning system kept, or null
 * @property {LaunchFacts} facts
 * @property {(packed: unknown) => void} save keep the packed progress
 * @property {(report: Report) => Promise<Delivery>} report
 * @property {() => Promise<Delivery>} retry send again what could not be sent
 * @property {() => void} finish the page is going: end the session now
 * @property {() => Promise<void>} exit the reader asked to leave: end the session, then go back
 */

/** @type {LaunchFacts} */
export const NO_FACTS = { passed: false, mastery: null, mode: "Normal", exit: false, languages: [] };

/**
 * A package opened without its learning system, or with a launch that is not valid: the quiz
 * works, sends nothing, and says plainly that its result cannot be recorded.
 * @param {"scorm" | "cmi5"} kind
 * @param {string} problem
 * @returns {Session}
 */
export function missingSession(kind, problem) {
  return {
    kind,
    ok: false,
    problem,
    learner: "",
    savedState: null,
    facts: NO_FACTS,
    save() {},
    report: async () => "failed",
    retry: async () => "failed",
    finish() {},
    exit: async () => {},
  };
}

/**
 * The report's facts besides the score, each under a short name: the same in both systems.
 * @param {Report} report
 * @returns {Record<string, string>}
 */
export function facts(report) {
  /** @type {Record<string, string | null>} */
  const all = {
    track: report.track,
    "question-bank": report.question_bank_version,
    "policy-version": report.document_versions.policy,
    "procedure-version": report.document_versions.procedure,
    "review-by": report.review_by, // none for an attempt that did not pass
  };
  return /** @type {Record<string, string>} */ (Object.fromEntries(Object.entries(all).filter(([, v]) => v != null)));
}

