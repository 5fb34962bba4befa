import type { Protocol } from '../../../api/protocol.js';
import type { CommandAnswer, JourneyState, NextVisit, Timeline, User } from '../../../api/types.js';

/** What every step's form gets from the participant page. */
export interface StepProps {
  readonly participantId: string;
  readonly cohortId: string;
  readonly state: JourneyState;
  readonly protocol: Protocol;
  readonly timeline: Timeline;
  /** The due visit and its window, as the roster plans it (none before the infusion or after the last visit). */
  readonly nextVisit: NextVisit | null;
  /** The site's IANA zone: date-times are entered and shown on the site's clock. */
  readonly timeZone: string;
  readonly user: User;
  /** Reloads the page at the answer's stream version and says what was recorded. */
  readonly onRecorded: (answer: CommandAnswer, what: string) => Promise<void>;
}
