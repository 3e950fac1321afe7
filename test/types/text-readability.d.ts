/** The one formula the tests use from text-readability, which ships no types of its own. */
declare module 'text-readability' {
  const readability: {
    /** The Flesch-Kincaid grade level: the US school grade that reads the text easily. */
    fleschKincaidGrade(text: string): number;
  };
  export default readability;
}
