// @ts-check
// Talks to the learning system that launched the quiz, if one did: SCORM 1.2 (lms-scorm.js) or
// cmi5 (lms-cmi5.js), behind one interface (Session, below). Only a page the build marked as a
// package's (<html data-lms-package="scorm|cmi5">, sitebuild/packages.py) ever looks for a learning
// system: on the site itself `connect` returns null whatever the address says, and nothing is sent.
// What a session sends is only what a report holds (score, pass or fail, duration, track,
// question bank and policy versions) and the packed progress (quiz/widgets/quiz/resume.py):
// never answers, never free text. Which results count is decided once, in Python
// (quiz/widgets/quiz/record.py); the adapters carry them as their standard says.

import { connectScorm } from "./lms-scorm.js";
import { connectCmi5 } from "./lms-cmi5.js";

/** @typedef {import("./lms-common.js").Session} Session */

/**
 * The learning system's session for this page, or null on the site itself (not a package).
 * @param {Window} [win]
 * @returns {Promise<Session | null>}
 */
export async function connect(win = window) {
  const packaged = win.document.documentElement.dataset.lmsPackage;
  if (packaged === "cmi5") return connectCmi5(win);
  if (packaged === "scorm") return connectScorm(win);
  return null;
}
