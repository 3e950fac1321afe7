import { z } from 'zod';

/**
 * The inverse of slack-inputs.ts: Slack's `state.values` (block_id → action_id → element state)
 * back to the strings an Adaptive Card would have submitted, keyed by input id, so the Slack
 * channel can hand them to parseCardAction like every other channel.
 */
const Option = z.object({ value: z.string() });
const ElementState = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plain_text_input'), value: z.string().nullish() }),
  z.object({ type: z.literal('number_input'), value: z.string().nullish() }),
  z.object({ type: z.literal('datepicker'), selected_date: z.string().nullish() }),
  z.object({ type: z.literal('static_select'), selected_option: Option.nullish() }),
  z.object({ type: z.literal('radio_buttons'), selected_option: Option.nullish() }),
  z.object({ type: z.literal('checkboxes'), selected_options: z.array(Option) }),
  z.object({ type: z.literal('multi_static_select'), selected_options: z.array(Option) }),
]);
const SlackStateValuesSchema = z.record(z.string(), z.record(z.string(), ElementState));

function valueOf(state: z.infer<typeof ElementState>): string {
  switch (state.type) {
    case 'plain_text_input':
    case 'number_input':
      return state.value ?? '';
    case 'datepicker':
      return state.selected_date ?? '';
    case 'static_select':
    case 'radio_buttons':
      return state.selected_option?.value ?? '';
    case 'checkboxes':
    case 'multi_static_select':
      // Adaptive Cards submit a multi-select as comma-separated values; an unticked toggle as nothing.
      return state.selected_options.map((o) => o.value).join(',');
  }
}

/** Throws a ZodError naming the element if Slack sends a state this translator never produces. */
export function slackStateToInputs(stateValues: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const actions of Object.values(SlackStateValuesSchema.parse(stateValues))) {
    for (const [actionId, state] of Object.entries(actions)) inputs[actionId] = valueOf(state);
  }
  return inputs;
}
