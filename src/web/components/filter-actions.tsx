import { Button } from './ui/button.tsx';

export interface FilterActionsProps {
  applyLabel: string;
  clearLabel: string;
  /** Whether any filter is on: only then is there something to clear. */
  filtered: boolean;
  onClear: () => void;
}

/** A filter form's buttons: apply (submit), and clear once something is filtered. */
export function FilterActions({ applyLabel, clearLabel, filtered, onClear }: FilterActionsProps) {
  return (
    <div>
      <Button type="submit">{applyLabel}</Button>
      {filtered ? (
        <Button variant="outline" onClick={onClear}>
          {clearLabel}
        </Button>
      ) : null}
    </div>
  );
}
