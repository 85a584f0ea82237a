/** One exercise folder as the generated registry holds it, before parsing. */
import type { ExerciseDefinition } from '../schemas/exercise';

export interface ExerciseSource {
  /** `NN-part/NN-lesson`, the lesson folder the exercise sits in. */
  lesson: string;
  /** The exercise's folder name (should equal its id). */
  folder: string;
  /** The definition file, relative to the repository root (for error messages). */
  file: string;
  definition: ExerciseDefinition;
  starter: string;
  solution: string;
}
