/** Each field of a model with the column it is stored in: every field, so the compiler says when the model grows one. */
export type ColumnsOf<T> = { readonly [K in keyof T]-?: string };

/**
 * A select list that answers rows as Prisma's model names them (`organisation_id AS "organisationId"`), for a statement
 * written in SQL that must answer what Prisma's query did. `asText` names the int8 fields, selected as text: pg answers
 * them as strings anyway, where Prisma gave a BigInt, so the repository converts them itself.
 */
export function selectAs<T>(columns: ColumnsOf<T>, asText: readonly (keyof T)[] = []): string {
  return Object.entries(columns as Record<string, string>)
    .map(([field, column]) => {
      const value = asText.includes(field as keyof T) ? `${column}::text` : column;
      return value === field ? field : `${value} AS "${field}"`;
    })
    .join(', ');
}
