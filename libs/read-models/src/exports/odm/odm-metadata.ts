import { widen, type OdmDataType } from './odm-items.js';
import type { StudyEventKind } from './odm-layout.js';
import type { OdmSubjectData } from './odm-transactions.js';

export interface ItemDefinition {
  readonly oid: string;
  readonly name: string;
  readonly dataType: OdmDataType;
}

export interface FormDefinition {
  readonly code: string;
  readonly name: string;
  readonly items: readonly ItemDefinition[];
}

export interface StudyEventDefinition extends StudyEventKind {
  readonly formCodes: readonly string[];
}

/** The MetaDataVersion content: exactly the study events, forms, item groups and items the clinical data uses. */
export interface OdmMetadata {
  readonly studyEvents: readonly StudyEventDefinition[];
  readonly forms: readonly FormDefinition[];
  readonly items: readonly ItemDefinition[];
}

/** `occurredAt` first (every record has it), then the data fields in path order. */
const itemOrder = (a: ItemDefinition, b: ItemDefinition): number =>
  a.name === 'occurredAt' ? -1 : b.name === 'occurredAt' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export function collectMetadata(subjects: readonly OdmSubjectData[]): OdmMetadata {
  const studyEvents = new Map<string, { kind: StudyEventKind; forms: Set<string> }>();
  const forms = new Map<string, { name: string; items: Map<string, { name: string; dataType?: OdmDataType }> }>();
  for (const subject of subjects) {
    for (const t of subject.transactions) {
      const { studyEvent, code, formName } = t.location;
      const se = studyEvents.get(studyEvent.oid) ?? { kind: studyEvent, forms: new Set<string>() };
      se.forms.add(code);
      studyEvents.set(studyEvent.oid, se);
      const form = forms.get(code) ?? { name: formName, items: new Map<string, { name: string; dataType?: OdmDataType }>() };
      for (const item of t.items) {
        const known = form.items.get(item.oid)?.dataType;
        // A null says nothing about the type; a value of another type than the ones before widens it.
        const dataType = item.value === null ? known : known === undefined ? item.dataType : widen(known, item.dataType);
        form.items.set(item.oid, { name: item.path, ...(dataType ? { dataType } : {}) });
      }
      forms.set(code, form);
    }
  }
  const formList = [...forms.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, f]): FormDefinition => ({
      code,
      name: f.name,
      items: [...f.items.entries()].map(([oid, i]): ItemDefinition => ({ oid, name: i.name, dataType: i.dataType ?? 'text' })).sort(itemOrder),
    }));
  return {
    studyEvents: [...studyEvents.values()]
      .map(({ kind, forms: codes }) => ({ ...kind, formCodes: [...codes].sort() }))
      .sort((a, b) => a.rank - b.rank || (a.oid < b.oid ? -1 : 1)),
    forms: formList,
    items: formList.flatMap((f) => f.items),
  };
}
