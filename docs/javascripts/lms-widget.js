// @ts-check
// Joins the quiz widget to the learning system that launched it (lms.js), if any.
// The quiz's own views say what happened to the report: they carry a
// [data-lms-status] box whose [data-lms-when] children this script shows or hides.

import { connect } from "./lms.js";

/** @typedef {import("./lms-common.js").Session} Session */
/** @typedef {import("./lms-common.js").Delivery} Delivery */

/**
 * What the quiz's page asks of the learning system, if one launched it.
 * @typedef {object} LearningSystem
 * @property {Promise<void>} ready
 * @property {(fallback: unknown) => unknown} savedState
 * @property {() => object} request
 * @property {(response: any, widgetBody: HTMLElement) => void} rendered
 * @property {() => void} retry
 * @property {() => void} exit
 */

/**
 * The quiz is the only widget a learning system launches.
 * @param {string} widget
 * @returns {LearningSystem | null}
 */
export function learningSystem(widget) {
  if (widget !== "quiz") return null;
  /** @type {Session | null} */
  let session = null;
  let status = "none"; // none, sending, sent, held (cmi5: a fail waits for the session's end) or failed
  /** @type {HTMLElement | null} */
  let body = null;

  const show = () => {
    const box = body && body.querySelector("[data-lms-status]");
    if (!box) return;
    for (const part of box.querySelectorAll("[data-lms-when]")) {
      if (part instanceof HTMLElement) part.hidden = part.dataset.lmsWhen !== status;
    }
    const detail = box.querySelector("[data-lms-problem]");
    if (detail) detail.textContent = session && session.problem ? session.problem : "";
  };

  // Inside a learning system the quiz page must stay put (leaving it would end the
  // session): every link opens in a new window, without access back to this one.
  const keepPagePut = () => {
    for (const link of document.querySelectorAll("a[href]:not([href^='#'])")) {
      if (!(link instanceof HTMLAnchorElement)) continue;
      link.target = "_blank";
      link.rel = "noopener";
    }
  };

  /** @param {() => Promise<Delivery>} report */
  const send = async (report) => {
    status = "sending";
    show();
    status = await report();
    show();
  };

  const ready = connect().then(
    (found) => {
      session = found;
      if (!found) return;
      keepPagePut();
      window.addEventListener("pagehide", () => found.finish());
      if (!found.ok) status = "failed";
    },
    (error) => console.error("Learning system:", error),
  );

  return {
    ready,
    // What the first request of a visit starts from: the learning system's saved progress.
    savedState: (fallback) => (session ? session.savedState : fallback),
    // What the quiz is told about the launch (quiz.widgets.quiz.record.launch): which system, the learner's
    // name to prefill, a pass on record, the mastery score, the launch mode, a way back, the languages.
    request: () => (session ? { lms: { system: session.kind, learner: session.learner || "", ...session.facts } } : {}),
    rendered(response, widgetBody) {
      body = widgetBody;
      const current = session;
      if (!current) return;
      keepPagePut();
      // What the learning system keeps is the packed progress, never the whole state (quiz/widgets/quiz/resume.py).
      if (response.lms_state != null) current.save(response.lms_state);
      if (response.report) send(() => current.report(response.report));
      else show();
    },
    retry: () => {
      const current = session;
      if (current) send(() => (current.ok ? current.retry() : Promise.resolve(/** @type {Delivery} */ ("failed"))));
    },
    exit: () => {
      if (session) session.exit();
    },
  };
}
