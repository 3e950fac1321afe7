import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';

/** Whether a route takes the turn's activity. */
export type RouteSelector = (context: TurnContext) => boolean;
export type RouteHandler = (context: TurnContext) => Promise<void>;
/** Runs before any route; false ends the turn there. */
export type BeforeTurn = (context: TurnContext) => Promise<boolean>;

interface Route {
  selector: RouteSelector;
  handler: RouteHandler;
}

/**
 * Which handler answers a turn. PEP Bot used teams-ai's Application for this alone, and it brought
 * its AI planner, OpenAI client and tokenizer along: about 40 MB more resident memory than
 * botbuilder alone, for a list of routes. The order is the one teams-ai kept: the
 * before-turn handlers, then for an invoke the invoke routes, then for any activity (an invoke none
 * of those took too) the other routes; the first route whose selector matches handles the turn. An
 * invoke no route handles is answered 501 by the CloudAdapter.
 */
export class TurnRouter {
  private readonly beforeTurn: BeforeTurn[] = [];
  private readonly invokeRoutes: Route[] = [];
  private readonly routes: Route[] = [];

  before(handler: BeforeTurn): this {
    this.beforeTurn.push(handler);
    return this;
  }

  /** A route for invokes, which Teams gives less time to answer, tried before every other route. */
  invoke(selector: RouteSelector, handler: RouteHandler): this {
    this.invokeRoutes.push({ selector, handler });
    return this;
  }

  on(selector: RouteSelector, handler: RouteHandler): this {
    this.routes.push({ selector, handler });
    return this;
  }

  /** Whether a route handled the turn. */
  async run(context: TurnContext): Promise<boolean> {
    for (const before of this.beforeTurn) if (!(await before(context))) return false;
    const candidates = context.activity.type === ActivityTypes.Invoke ? [...this.invokeRoutes, ...this.routes] : this.routes;
    const route = candidates.find((candidate) => candidate.selector(context));
    if (!route) return false;
    await route.handler(context);
    return true;
  }
}

/** Activities of one type (Bot Framework types compare without case). */
export const ofType =
  (type: string): RouteSelector =>
  (context) =>
    context.activity.type?.toLowerCase() === type.toLowerCase();

/** A Teams event activity by name, such as a meeting's start. */
export const teamsEvent =
  (name: string): RouteSelector =>
  (context) =>
    context.activity.type === ActivityTypes.Event && context.activity.channelId === 'msteams' && context.activity.name === name;
