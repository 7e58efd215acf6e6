import { useTranslation } from 'react-i18next';
import {
  PROTESTABLE_DECISIONS,
  type ProtestableDecision,
} from '../../../../domain/protests/protest-vocabulary.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import {
  type CategoryDraft,
  emptyCategory,
  emptyObjection,
  fieldId,
  type ObjectionDraft,
  type ObjectionsDraft,
} from '../protest-draft.ts';

/**
 * The decisions protested and, per category of merchandise, the objections against them
 * (19 CFR 174.13(a)(5)–(7)): the filing form's and the amendment form's shared fields.
 */
export function ObjectionsFields({
  idPrefix,
  value,
  onChange,
  errorOf,
}: {
  idPrefix: string;
  value: ObjectionsDraft;
  onChange: (next: ObjectionsDraft) => void;
  /** The message for a field key, if any (the browser's check, else the server's). */
  errorOf: (key: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const id = (key: string) => fieldId(idPrefix, key);
  const decisionLabel = (decision: ProtestableDecision) => t(`protests.decisions.${decision}`);
  // An objection is against one of the decisions protested: those are its choices.
  const choices =
    value.decisionsProtested.length > 0 ? value.decisionsProtested : PROTESTABLE_DECISIONS;

  const setCategory = (key: string, change: (category: CategoryDraft) => CategoryDraft) =>
    onChange({
      ...value,
      categories: value.categories.map((category) =>
        category.key === key ? change(category) : category,
      ),
    });
  const setObjection = (
    category: CategoryDraft,
    key: string,
    change: Partial<Omit<ObjectionDraft, 'key'>>,
  ) =>
    setCategory(category.key, (current) => ({
      ...current,
      objections: current.objections.map((objection) =>
        objection.key === key ? { ...objection, ...change } : objection,
      ),
    }));

  return (
    <>
      <CheckboxGroup
        id={id('decisionsProtested')}
        name="decisionsProtested"
        legend={t('protests.objections.decisions')}
        hint={t('protests.new.decisionsHint')}
        options={PROTESTABLE_DECISIONS.map((decision) => ({
          value: decision,
          label: decisionLabel(decision),
        }))}
        values={value.decisionsProtested}
        onChange={(values) => {
          const decisionsProtested = PROTESTABLE_DECISIONS.filter((decision) =>
            values.includes(decision),
          );
          // With one decision protested, objections without one take it.
          const only = decisionsProtested.length === 1 ? decisionsProtested[0] : undefined;
          onChange({
            decisionsProtested,
            categories: only
              ? value.categories.map((category) => ({
                  ...category,
                  objections: category.objections.map((objection) =>
                    objection.decision === '' ? { ...objection, decision: only } : objection,
                  ),
                }))
              : value.categories,
          });
        }}
        error={errorOf('decisionsProtested')}
      />
      <h3 id={id('categories')} tabIndex={-1}>
        {t('protests.new.categories')}
      </h3>
      {errorOf('categories') ? <p className="usa-error-message">{errorOf('categories')}</p> : null}
      {value.categories.map((category, c) => {
        const at = `categories.${category.key}`;
        const categoryName = t('protests.new.categoryN', { n: c + 1 });
        return (
          <fieldset
            key={category.key}
            className="usa-fieldset border-top-1px border-base-lighter margin-top-3"
          >
            <legend className="usa-legend text-bold font-sans-md">{categoryName}</legend>
            <TextField
              id={id(`${at}.category`)}
              name={`${at}.category`}
              label={t('protests.objections.category')}
              maxLength={200}
              value={category.category}
              error={errorOf(`${at}.category`)}
              onChange={(text) =>
                setCategory(category.key, (current) => ({ ...current, category: text }))
              }
            />
            <TextareaField
              id={id(`${at}.description`)}
              name={`${at}.description`}
              label={t('protests.objections.description')}
              maxLength={4000}
              value={category.description}
              error={errorOf(`${at}.description`)}
              onChange={(text) =>
                setCategory(category.key, (current) => ({ ...current, description: text }))
              }
            />
            {errorOf(`${at}.objections`) ? (
              <p className="usa-error-message">{errorOf(`${at}.objections`)}</p>
            ) : null}
            {category.objections.map((objection, o) => {
              const where = `${at}.objections.${objection.key}`;
              const objectionName = t('protests.new.objectionN', { n: o + 1 });
              return (
                <fieldset
                  key={objection.key}
                  className="usa-fieldset margin-top-2 padding-left-2 border-left-05 border-base-lighter"
                >
                  <legend className="usa-legend text-bold">{objectionName}</legend>
                  <SelectField
                    id={id(`${where}.decision`)}
                    name={`${where}.decision`}
                    label={t('protests.objections.decision')}
                    emptyOption={t('protests.new.choose')}
                    options={[
                      ...choices,
                      ...(objection.decision !== '' && !choices.includes(objection.decision)
                        ? [objection.decision]
                        : []),
                    ].map((decision) => ({ value: decision, label: decisionLabel(decision) }))}
                    value={objection.decision}
                    error={errorOf(`${where}.decision`)}
                    onChange={(decision) =>
                      setObjection(category, objection.key, {
                        decision: PROTESTABLE_DECISIONS.find((known) => known === decision) ?? '',
                      })
                    }
                  />
                  <TextareaField
                    id={id(`${where}.objection`)}
                    name={`${where}.objection`}
                    label={t('protests.objections.objection')}
                    maxLength={4000}
                    value={objection.objection}
                    error={errorOf(`${where}.objection`)}
                    onChange={(text) => setObjection(category, objection.key, { objection: text })}
                  />
                  <TextareaField
                    id={id(`${where}.justification`)}
                    name={`${where}.justification`}
                    label={t('protests.objections.justification')}
                    maxLength={20_000}
                    value={objection.justification}
                    error={errorOf(`${where}.justification`)}
                    onChange={(text) =>
                      setObjection(category, objection.key, { justification: text })
                    }
                  />
                  {category.objections.length > 1 ? (
                    <Button
                      variant="unstyled"
                      className="margin-top-1"
                      onClick={() =>
                        setCategory(category.key, (current) => ({
                          ...current,
                          objections: current.objections.filter(
                            (item) => item.key !== objection.key,
                          ),
                        }))
                      }
                    >
                      {t('protests.new.remove', { what: `${categoryName}, ${objectionName}` })}
                    </Button>
                  ) : null}
                </fieldset>
              );
            })}
            <div className="margin-top-2">
              <Button
                variant="outline"
                onClick={() =>
                  setCategory(category.key, (current) => ({
                    ...current,
                    objections: [
                      ...current.objections,
                      emptyObjection(
                        value.decisionsProtested.length === 1
                          ? (value.decisionsProtested[0] ?? '')
                          : '',
                      ),
                    ],
                  }))
                }
              >
                {t('protests.new.addObjection')}
              </Button>
              {value.categories.length > 1 ? (
                <Button
                  variant="unstyled"
                  onClick={() =>
                    onChange({
                      ...value,
                      categories: value.categories.filter((item) => item.key !== category.key),
                    })
                  }
                >
                  {t('protests.new.remove', { what: categoryName })}
                </Button>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <Button
        variant="outline"
        className="margin-top-2"
        onClick={() => onChange({ ...value, categories: [...value.categories, emptyCategory()] })}
      >
        {t('protests.new.addCategory')}
      </Button>
    </>
  );
}
