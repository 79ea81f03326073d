using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposalThemes_En",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProposalThemes_Fi",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProposalThemes_Sv",
                table: "Workshops",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ProposalsEnabled",
                table: "Workshops",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProposalsPublic",
                table: "Workshops",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ResultsPublished",
                table: "Workshops",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResultsSummary_En",
                table: "Workshops",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResultsSummary_Fi",
                table: "Workshops",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResultsSummary_Sv",
                table: "Workshops",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<int>(
                name: "RegistrationId",
                table: "OutgoingEmails",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MailingKey",
                table: "OutgoingEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientEmail",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientName",
                table: "OutgoingEmails",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkshopId",
                table: "OutgoingEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShowName = table.Column<bool>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TakenForward = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConsentedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModeratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ErasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Proposals_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultsMailings",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToOutsideRecipient = table.Column<bool>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsMailings", x => x.Key);
                    table.ForeignKey(
                        name: "FK_ResultsMailings_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_MailingKey_RegistrationId",
                table: "OutgoingEmails",
                columns: new[] { "MailingKey", "RegistrationId" },
                unique: true,
                filter: "\"MailingKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_WorkshopId",
                table: "OutgoingEmails",
                column: "WorkshopId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails",
                sql: "(\"RegistrationId\" IS NOT NULL) OR (\"RecipientEmail\" IS NOT NULL AND \"WorkshopId\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_MergedIntoId",
                table: "Proposals",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_WorkshopId_State",
                table: "Proposals",
                columns: new[] { "WorkshopId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultsMailings_WorkshopId",
                table: "ResultsMailings",
                column: "WorkshopId");

            migrationBuilder.AddForeignKey(
                name: "FK_OutgoingEmails_Workshops_WorkshopId",
                table: "OutgoingEmails",
                column: "WorkshopId",
                principalTable: "Workshops",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutgoingEmails_Workshops_WorkshopId",
                table: "OutgoingEmails");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "ResultsMailings");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingEmails_MailingKey_RegistrationId",
                table: "OutgoingEmails");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingEmails_WorkshopId",
                table: "OutgoingEmails");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OutgoingEmails_Recipient",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "ProposalThemes_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalThemes_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalThemes_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalsEnabled",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ProposalsPublic",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsPublished",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsSummary_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsSummary_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "ResultsSummary_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "MailingKey",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "RecipientEmail",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "RecipientName",
                table: "OutgoingEmails");

            migrationBuilder.DropColumn(
                name: "WorkshopId",
                table: "OutgoingEmails");

            migrationBuilder.AlterColumn<int>(
                name: "RegistrationId",
                table: "OutgoingEmails",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
