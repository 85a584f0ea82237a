/** The catalogue a page carries in `<script type="application/json" id="exercise-catalogue">` (CatalogueData.astro). */
import type { CatalogueEntry } from '../../course/catalogue';

export function readCatalogue(doc: Document = document): CatalogueEntry[] {
  try {
    const value: unknown = JSON.parse(doc.getElementById('exercise-catalogue')?.textContent ?? '[]');
    return Array.isArray(value) ? (value as CatalogueEntry[]) : [];
  } catch {
    return [];
  }
}
