// Shapes the API adds to the store's.
export type { EventStore } from "../store/types.js";

/** A problem with one record of a POST body: its index in the list, a stable code and a message. */
export interface InputProblemLike {
  index: number;
  code: string;
  message: string;
}
