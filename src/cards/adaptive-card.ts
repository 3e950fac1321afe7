import { z } from 'zod';

/**
 * The subset of Adaptive Cards 1.5 our templates may use, as a strict schema. Every expanded card
 * is parsed with it, so a template that reaches for an element or property the Slack translator
 * cannot represent fails at once with the element's path, instead of vanishing in one channel.
 * Accessibility rules live here too: every input has a label, every image alt text, every
 * required input an error message.
 */

const Spacing = z.enum(['none', 'small', 'default', 'medium', 'large', 'extraLarge', 'padding']);
const Layout = { spacing: Spacing.optional(), separator: z.boolean().optional() };
const ContainerStyle = z.enum(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']);
/** Input ids are the domain's field names ("attendancePercent"), so a payload maps straight on. */
const InputId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'Input ids are camelCase domain field names.');

const TextBlockSchema = z.strictObject({
  type: z.literal('TextBlock'),
  text: z.string(),
  size: z.enum(['small', 'default', 'medium', 'large', 'extraLarge']).optional(),
  weight: z.enum(['lighter', 'default', 'bolder']).optional(),
  color: z.enum(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']).optional(),
  style: z.enum(['default', 'heading']).optional(),
  isSubtle: z.boolean().optional(),
  wrap: z.boolean().optional(),
  ...Layout,
});
export type TextBlock = z.infer<typeof TextBlockSchema>;

const FactSetSchema = z.strictObject({
  type: z.literal('FactSet'),
  facts: z.array(z.strictObject({ title: z.string(), value: z.string() })),
  ...Layout,
});
export type FactSet = z.infer<typeof FactSetSchema>;

const ImageSchema = z.strictObject({
  type: z.literal('Image'),
  url: z.url({ protocol: /^https$/ }),
  altText: z.string({ error: 'Every image needs alt text.' }).min(1, 'Every image needs alt text.'),
  size: z.enum(['auto', 'stretch', 'small', 'medium', 'large']).optional(),
  ...Layout,
});
export type Image = z.infer<typeof ImageSchema>;

const InputBase = {
  id: InputId,
  label: z.string({ error: 'Every input needs a label.' }).min(1, 'Every input needs a label.'),
  isRequired: z.boolean().optional(),
  errorMessage: z.string().min(1).optional(),
  ...Layout,
};

type RequiredRule = { isRequired?: boolean | undefined; errorMessage?: string | undefined };
const explainsWhatIsMissing = (input: RequiredRule): boolean => !input.isRequired || input.errorMessage !== undefined;

/** An input schema: the shared properties, its own, and the rule that a required input says what is missing. */
function inputSchema<T extends string, S extends z.ZodRawShape>(type: T, own: S) {
  return z
    .strictObject({ type: z.literal(type), ...InputBase, ...own })
    .refine((input) => explainsWhatIsMissing(input as RequiredRule), { message: 'A required input needs an errorMessage.', path: ['errorMessage'] });
}

const InputTextSchema = inputSchema('Input.Text', {
  value: z.string().optional(),
  placeholder: z.string().optional(),
  isMultiline: z.boolean().optional(),
  maxLength: z.number().int().positive().optional(),
});
export type InputText = z.infer<typeof InputTextSchema>;

const InputNumberSchema = inputSchema('Input.Number', {
  /** "" is an empty pre-fill: templates cannot leave a property out, only bind it to nothing. */
  value: z.union([z.number(), z.literal('')]).optional(),
  placeholder: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type InputNumber = z.infer<typeof InputNumberSchema>;

const InputDateSchema = inputSchema('Input.Date', {
  value: z.union([z.iso.date(), z.literal('')]).optional(),
  placeholder: z.string().optional(),
  min: z.iso.date().optional(),
  max: z.iso.date().optional(),
});
export type InputDate = z.infer<typeof InputDateSchema>;

const InputChoiceSetSchema = inputSchema('Input.ChoiceSet', {
  choices: z.array(z.strictObject({ title: z.string().min(1), value: z.string().min(1) })).min(1),
  style: z.enum(['compact', 'expanded']).optional(),
  isMultiSelect: z.boolean().optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  wrap: z.boolean().optional(),
});
export type InputChoiceSet = z.infer<typeof InputChoiceSetSchema>;

const InputToggleSchema = inputSchema('Input.Toggle', {
  title: z.string().min(1),
  value: z.string().optional(),
  valueOn: z.string().optional(),
  valueOff: z.string().optional(),
  wrap: z.boolean().optional(),
});
export type InputToggle = z.infer<typeof InputToggleSchema>;

export type CardInput = InputText | InputNumber | InputDate | InputChoiceSet | InputToggle;

const ActionStyle = z.enum(['default', 'positive', 'destructive']).optional();
const ActionData = z.record(z.string(), z.unknown());
const Verb = z.string().regex(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/, 'A verb looks like "agenda.signOff".');

const ExecuteActionSchema = z.strictObject({
  type: z.literal('Action.Execute'),
  title: z.string().min(1),
  verb: Verb,
  data: ActionData,
  style: ActionStyle,
  associatedInputs: z.enum(['auto', 'none']).optional(),
});
export type ExecuteAction = z.infer<typeof ExecuteActionSchema>;

/**
 * Teams and Slack open only https links from a button in production, so a card never carries
 * another kind: views show any other link as text instead (see opensAsButton).
 */
const ButtonUrl = z.url({ protocol: /^https$/ });
export const opensAsButton = (url: string): boolean => ButtonUrl.safeParse(url).success;

const OpenUrlActionSchema = z.strictObject({
  type: z.literal('Action.OpenUrl'),
  title: z.string().min(1),
  url: ButtonUrl,
  style: ActionStyle,
});
export type OpenUrlAction = z.infer<typeof OpenUrlActionSchema>;

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  style?: 'default' | 'positive' | 'destructive' | undefined;
  card: NestedCard;
}
export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: z.infer<typeof ContainerStyle> | undefined;
  spacing?: z.infer<typeof Spacing> | undefined;
  separator?: boolean | undefined;
}
export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: string | number | undefined;
  spacing?: z.infer<typeof Spacing> | undefined;
  separator?: boolean | undefined;
}
export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: z.infer<typeof Spacing> | undefined;
  separator?: boolean | undefined;
}
export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: z.infer<typeof Spacing> | undefined;
  separator?: boolean | undefined;
}
export type CardElement = TextBlock | FactSet | Image | CardInput | Container | ColumnSet | ActionSet;

/** The card a ShowCard opens: body and actions only. */
export interface NestedCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[] | undefined;
}

export interface AdaptiveCard extends NestedCard {
  $schema?: string | undefined;
  version: '1.5';
  /** Required here: Slack uses it as the notification text, Teams in notifications too. */
  fallbackText: string;
}

const ELEMENT_TYPES = ['TextBlock', 'FactSet', 'Image', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.ChoiceSet', 'Input.Toggle', 'Container', 'ColumnSet', 'ActionSet'];
const ACTION_TYPES = ['Action.Execute', 'Action.OpenUrl', 'Action.ShowCard'];
const unsupported = (kind: 'element' | 'action', supported: string[]) => (issue: { input?: unknown }) => {
  const type = (issue.input as { type?: unknown } | undefined)?.type;
  return `Unsupported card ${kind} "${String(type)}": use one of ${supported.join(', ')}.`;
};

/** Recursion goes through z.lazy with the hand-written types, so every union stays a real discriminated union. */
const elements = () => z.array(z.lazy((): z.ZodType<CardElement> => CardElementSchema));
const actions = () => z.array(z.lazy((): z.ZodType<CardAction> => CardActionSchema));

const ShowCardActionSchema = z.strictObject({
  type: z.literal('Action.ShowCard'),
  title: z.string().min(1),
  style: ActionStyle,
  card: z.lazy((): z.ZodType<NestedCard> => NestedCardSchema),
});

const CardActionSchema: z.ZodType<CardAction> = z.discriminatedUnion(
  'type',
  [ExecuteActionSchema, OpenUrlActionSchema, ShowCardActionSchema],
  { error: unsupported('action', ACTION_TYPES) },
);

const ContainerSchema = z.strictObject({ type: z.literal('Container'), style: ContainerStyle.optional(), items: elements(), ...Layout });
const ColumnSchema = z.strictObject({ type: z.literal('Column'), width: z.union([z.string(), z.number()]).optional(), items: elements(), ...Layout });
const ColumnSetSchema = z.strictObject({ type: z.literal('ColumnSet'), columns: z.array(ColumnSchema), ...Layout });
const ActionSetSchema = z.strictObject({ type: z.literal('ActionSet'), actions: actions().min(1), ...Layout });

const CardElementSchema: z.ZodType<CardElement> = z.discriminatedUnion(
  'type',
  [
    TextBlockSchema,
    FactSetSchema,
    ImageSchema,
    InputTextSchema,
    InputNumberSchema,
    InputDateSchema,
    InputChoiceSetSchema,
    InputToggleSchema,
    ContainerSchema,
    ColumnSetSchema,
    ActionSetSchema,
  ],
  { error: unsupported('element', ELEMENT_TYPES) },
);

const NestedCardSchema: z.ZodType<NestedCard> = z.strictObject({
  type: z.literal('AdaptiveCard'),
  body: elements(),
  actions: actions().optional(),
});

export const AdaptiveCardSchema: z.ZodType<AdaptiveCard> = z.strictObject({
  type: z.literal('AdaptiveCard'),
  $schema: z.string().optional(),
  version: z.literal('1.5'),
  fallbackText: z.string().min(1),
  body: elements(),
  actions: actions().optional(),
});
