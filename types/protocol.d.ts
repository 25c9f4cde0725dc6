// Generated from quiz/protocol.py by `python -m tests.support.protocol_types`: do not edit.
// The request and response a widget exchanges with Python, and the worker's messages.

/** A view as plain data (quiz/view.py): text, or [tag, attributes, ...children]. */
export type ViewNode = string | [string, Record<string, string | number | boolean>, ...ViewNode[]];

/** The learning system that launched the quiz (docs/javascripts/lms-widget.js). */
export interface Launch {
  system: string;
  learner: string;
  passed: boolean;
  mastery: number | null;
  mode: string;
  exit: boolean;
  languages: string[];
}

/** One request from a widget on the page (docs/javascripts/widgets.js). */
export interface Request {
  action: string;
  answers: Record<string, string[]>;
  state: unknown;
  seed: number;
  today: string;
  lms?: Launch;
}

/** A widget's answer (built only by ``response()``). */
export interface Response {
  view: ViewNode | null;
  state: unknown;
  focus: string | null;
  announce: string;
  store: boolean | null;
  report?: Record<string, unknown>;
  lms_state?: unknown;
}

/** Page to worker: load one widget's data file (sent when a widget mounts). */
export interface Prepare {
  id: number;
  prepare: string;
}

/** Page to worker: one request for one widget on a page whose site root is `root`. */
export interface Handle {
  id: number;
  widget: string;
  root: string;
  request: Request;
}

/** Worker to page: the reply to a Prepare (response None) or a Handle. */
export interface Answered {
  id: number;
  ok: true;
  response: Response | null;
}

/** Worker to page: a Prepare or Handle failed, and why. */
export interface Failed {
  id: number;
  ok: false;
  error: string;
}

/** Bytes of the runtime downloaded so far, and when (the worker's clock, epoch ms). */
export interface Loaded {
  loaded: number;
  at: number;
}

/** Worker to page, at most every 250 ms while downloading: the start is slow, not stuck. */
export interface Progress {
  progress: Loaded;
}

/** A stage of the worker's start and when it finished (epoch ms). */
export interface Stage {
  name: string;
  at: number;
}

/** Worker to page at each stage of the start (read by bench/widget_start.py). */
export interface Step {
  step: Stage;
}

/** Any message the worker posts. */
export type WorkerMessage = Answered | Failed | Progress | Step;
