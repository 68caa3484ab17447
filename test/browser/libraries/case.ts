/** A library in the matrix: its real server, the client bundle the page runs, and what the page must end with. */
import type { LibraryServer } from './servers/base';

export interface LibrarySetup {
  /** Handed to the page as `window.config`. */
  config: Record<string, unknown>;
  /** WebSocket connections the server must have seen (all closed) once the page is done. */
  connections: number;
  /** Asserts the library's app-level result in the page (throws with a diff when it is wrong). */
  check(result: any): void;
}

export interface LibraryCase {
  name: string;
  /** Entry file in clients/, without ".ts". */
  client: string;
  setup(server: LibraryServer): Promise<LibrarySetup> | LibrarySetup;
  /** A decoded summary (format badge, then summary) the panel must show for this protocol. */
  summary?: RegExp;
  /**
   * Requests the panel must pair with their answers (the latency column) once the page is done:
   * at least `answered` answered, and at least `unanswered` left without an answer.
   */
  pairs?: { answered: number; unanswered?: number };
}
