namespace HaloNotebooks.Catalogs;

/// <summary>The storage type of a <see cref="StarTable"/> column.</summary>
/// <remarks>
/// Missing values: <see cref="Double"/> and <see cref="Single"/> use NaN; <see cref="String"/> uses
/// null (an empty string is read and stored as missing); <see cref="Int32"/>, <see cref="Int64"/>
/// and <see cref="Boolean"/> carry an explicit mask (<see cref="StarTable.GetMissing"/>).
/// </remarks>
internal enum ColumnType { Double, Single, Int32, Int64, Boolean, String }
