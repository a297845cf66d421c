/** The shape every area's message file follows: Chinese first (the source), English typed against it. */
export type Fn = (...args: never[]) => string;
export type Messages = Record<string, string | Fn>;
/** The English dictionary for a Chinese one: the same keys, templates taking the same arguments. */
export type EnglishOf<T extends Messages> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };
