/** The parts of Block Kit the translator writes (docs.slack.dev/reference/block-kit). */

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface SlackOption {
  text: PlainText;
  value: string;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export type InputElement =
  | { type: 'plain_text_input'; action_id: string; multiline: boolean; initial_value?: string; placeholder?: PlainText; max_length: number }
  | { type: 'number_input'; action_id: string; is_decimal_allowed: boolean; initial_value?: string; min_value?: string; max_value?: string; placeholder?: PlainText }
  | { type: 'datepicker'; action_id: string; initial_date?: string; placeholder?: PlainText }
  | { type: 'static_select'; action_id: string; options: SlackOption[]; initial_option?: SlackOption; placeholder?: PlainText }
  | { type: 'radio_buttons'; action_id: string; options: SlackOption[]; initial_option?: SlackOption }
  | { type: 'checkboxes'; action_id: string; options: SlackOption[]; initial_options?: SlackOption[] }
  | { type: 'multi_static_select'; action_id: string; options: SlackOption[]; initial_options?: SlackOption[]; placeholder?: PlainText };

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: Mrkdwn; fields?: Mrkdwn[]; accessory?: ButtonElement }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'image'; image_url: string; alt_text: string }
  | { type: 'input'; block_id: string; label: PlainText; element: InputElement; optional: boolean; hint?: PlainText }
  | { type: 'actions'; elements: ButtonElement[] };

export interface SlackMessage {
  /** Plain text for notifications and clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
}

export type SlackSurface = 'message' | 'modal';
