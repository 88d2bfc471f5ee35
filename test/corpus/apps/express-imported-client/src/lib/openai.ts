import OpenAI from 'openai';

/** The one client of the app: the routes import it (issue 11). */
export const openai = new OpenAI();

let shared: OpenAI | undefined;

export function getOpenAI(): OpenAI {
  shared ??= new OpenAI();
  return shared;
}
