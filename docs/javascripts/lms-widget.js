// Joins the quiz widget to the learning system that launched it (lms.js), if any.
// The quiz's own views say what happened to the report: they carry a
// [data-lms-status] box whose [data-lms-when] children this script shows or hides.

import { connect } from "./lms.js";

/** @typedef {import("./lms-common.js").Session} Session */

// The quiz is the only widget a learning system launches.
export function learningSystem(widget) {
  if (widget !== "quiz") return null;
  /** @type {Session | null} */
  let session = null;
  let status = "none"; // none, sending, sent, held (cmi5: a fail waits for the session's end) or failed
  let body = null;

  const show = () => {
    const box = body && body.querySelector("[data-lms-status]");
    if (!box) return;
    for (const part of box.querySelectorAll("[data-lms-when]")) part.hidden = part.dataset.lmsWhen !== status;
    const detail = box.querySelector("[data-lms-problem]");
    if (detail) detail.textContent = session && session.problem ? session.problem : "";
  };

  // Inside a learning system the quiz page must stay put (leaving it would end the
  // session): every link opens in a new window, without access back to this one.
  const keepPagePut = () => {
    for (const link of document.querySelectorAll("a[href]:not([href^='#'])")) {
      link.target = "_blank";
      link.rel = "noopener";
    }
  };

  const send = async (report) => {
    status = "sending";
    show();
    status = await report();
    show();
  };

  const ready = connect().then(
    (found) => {
      session = found;
      if (!session) return;
      keepPagePut();
      window.addEventListener("pagehide", () => session.finish());
      if (!session.ok) status = "failed";
    },
    (error) => console.error("Learning system:", error),
  );

  return {
    ready,
    // What the first request of a visit starts from: the learning system's saved progress.
    savedState: (fallback) => (session ? session.savedState : fallback),
    // What the quiz is told about the launch (quiz.training.record.launch): which system, the learner's
    // name to prefill, a pass on record, the mastery score, the launch mode, a way back, the languages.
    request: () => (session ? { lms: { system: session.kind, learner: session.learner || "", ...session.facts } } : {}),
    rendered(response, widgetBody) {
      body = widgetBody;
      if (!session) return;
      keepPagePut();
      // What the learning system keeps is the packed progress, never the whole state (quiz/training/resume.py).
      if (response.lms_state != null) session.save(response.lms_state);
      if (response.report) send(() => session.report(response.report));
      else show();
    },
    retry: () => session && send(() => (session.ok ? session.retry() : Promise.resolve("failed"))),
    exit: () => session && session.exit(),
  };
}
