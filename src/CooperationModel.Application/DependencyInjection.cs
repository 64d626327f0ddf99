using CooperationModel.Application.AccessLog;
using CooperationModel.Application.AccessLog.ClientLogReport;
using CooperationModel.Application.AccessLog.SearchAccessLog;
using CooperationModel.Application.Agreements;
using CooperationModel.Application.Cases;
using CooperationModel.Application.Cases.FindClient;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Cases.RecordDecision;
using CooperationModel.Application.Cases.RecordSurvey;
using CooperationModel.Application.Common;
using CooperationModel.Application.Directory;
using CooperationModel.Application.Model;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Organisations.ListOrganisations;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Application.Directory.Environments;
using CooperationModel.Application.Meetings;
using CooperationModel.Application.Pilots;
using CooperationModel.Application.Statistics;
using CooperationModel.Application.Swot;
using CooperationModel.Application.Notifications.CountUnread;
using CooperationModel.Application.Notifications.ListNotifications;
using CooperationModel.Application.Notifications.MarkRead;
using CooperationModel.Application.Messages.DownloadAttachment;
using CooperationModel.Application.Messages.GetThreads;
using CooperationModel.Application.Messages.PostMessage;
using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.DeadlineSettings;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<OpenCaseValidator>(ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ReferralRouting(ReferenceCatalog.Instance));

        services.AddOptions<CaseProcessOptions>();
        services.AddScoped<IAccessLog, AccessLogWriter>();
        services.AddScoped<IAccessLogSearchHandler, AccessLogSearchHandler>();
        services.AddScoped<IClientLogReportHandler, ClientLogReportHandler>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<IProcessCommands, ProcessCommands>();
        services.AddScoped<IRecordDecisionHandler, RecordDecisionHandler>();
        services.AddScoped<IRecordSurveyHandler, RecordSurveyHandler>();
        services.AddScoped<IOpenCaseHandler, OpenCaseHandler>();
        services.AddScoped<IFindClientHandler, FindClientHandler>();
        services.AddScoped<IListCasesHandler, ListCasesHandler>();
        services.AddScoped<IGetCaseHandler, GetCaseHandler>();
        services.AddScoped<ISendReferralHandler, SendReferralHandler>();
        services.AddScoped<IListInboxHandler, ListInboxHandler>();
        services.AddScoped<IGetReferralHandler, GetReferralHandler>();
        services.AddScoped<IAcceptReferralHandler, AcceptReferralHandler>();
        services.AddScoped<IReferralLoopCommands, ReferralLoopCommands>();
        services.AddScoped<IForwardingCommands, ForwardingCommands>();
        services.AddScoped<IDeadlineSettingsHandler, DeadlineSettingsHandler>();
        services.AddScoped<IModelFeedbackHandler, ModelFeedbackHandler>();
        services.AddScoped<IModelVersionsHandler, ModelVersionsHandler>();
        services.AddScoped<IPartnerDirectory, PartnerDirectory>();
        services.AddScoped<IOperatingEnvironments, OperatingEnvironments>();
        services.AddScoped<IOperatingEnvironmentOverview, OperatingEnvironmentOverview>();
        services.AddScoped<IJointMeetings, JointMeetings>();
        services.AddScoped<IPilotRegistry, PilotRegistry>();
        services.AddScoped<IPilotEvaluation, PilotEvaluation>();
        services.AddOptions<AgreementsOptions>();
        services.AddScoped<ILocalAgreements, LocalAgreements>();
        services.AddScoped<ISwotAnalysis, SwotAnalysis>();
        services.AddScoped<IListOrganisationsHandler, ListOrganisationsHandler>();
        services.AddScoped<IClosedLoopFigures, ClosedLoopFiguresHandler>();
        services.AddScoped<ISwotRounds, SwotRounds>();
        services.AddScoped<IOrganisationNamesHandler, OrganisationNamesHandler>();
        services.AddScoped<IListNotificationsHandler, ListNotificationsHandler>();
        services.AddScoped<ICountUnreadHandler, CountUnreadHandler>();
        services.AddScoped<IMarkNotificationsReadHandler, MarkNotificationsReadHandler>();
        services.AddScoped<IPostMessageHandler, PostMessageHandler>();
        services.AddScoped<IGetThreadsHandler, GetThreadsHandler>();
        services.AddScoped<IDownloadAttachmentHandler, DownloadAttachmentHandler>();
        return services;
    }
}
